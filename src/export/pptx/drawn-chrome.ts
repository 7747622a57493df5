// Whose slide chrome the editable PPTX draws. lectern's own theme has its masters drawn by the
// exporter (the header band, the page pill: pptx-layouts.ts); any other theme's header, footer
// and page number are measured in the browser and placed where it shows them (pptx-marp-chrome.ts).

/** True when the PPTX places the theme's header, footer and page number as the browser measured them. */
export const measuresChrome = (theme: string): boolean => theme !== 'corporate';
