// The little of markdown-it a core rule of lectern's sees (marp-core does not export its
// markdown-it types): the block and inline tokens, a constructor for new ones, the renderer.

export interface RuleToken {
  type: string;
  content: string;
  children: RuleToken[] | null;
}

export interface RuleState {
  tokens: RuleToken[];
  Token: new (type: string, tag: string, nesting: number) => RuleToken;
}

export interface RuleHost {
  core: { ruler: { push: (name: string, rule: (state: RuleState) => void) => void } };
  renderer: { rules: Record<string, (() => string) | undefined> };
}
