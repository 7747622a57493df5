import type { ScormVersion } from './scorm-tracking.js';

/** The SCO's page inside the package. */
export const SCO_FILE = 'index.html';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The namespaces and the schema each one's `schemaLocation` names, by version. */
const SCHEMAS: Record<ScormVersion, { attrs: string; location: [string, string][]; schemaversion: string }> =
  {
    '1.2': {
      attrs:
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
      location: [
        ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
        ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
        ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
      ],
      schemaversion: '1.2',
    },
    '2004': {
      attrs:
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
      location: [
        ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
        ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
        ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
        ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
        ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
      ],
      schemaversion: '2004 4th Edition',
    },
  };

/** The schema files `schemaLocation` names, for the package's root. */
export const namedSchemas = (version: ScormVersion): string[] => SCHEMAS[version].location.map(([, f]) => f);

export interface ManifestInput {
  /** The package's identifier: from the deck's output name, so a re-upload replaces the course. */
  identifier: string;
  title: string;
  masteryScore?: number;
  /** Every other file of the package (the schemas), listed as an asset. */
  otherFiles: string[];
}

/**
 * imsmanifest.xml: one organization titled with the course, one item that launches the one
 * SCO (the share copy with tracking), the SCO's resource and the schema files as an asset.
 */
export function scormManifest(version: ScormVersion, m: ManifestInput): string {
  const s = SCHEMAS[version];
  const v12 = version === '1.2';
  const scormType = v12 ? 'adlcp:scormtype' : 'adlcp:scormType';
  const mastery =
    m.masteryScore === undefined
      ? ''
      : v12
        ? `\n        <adlcp:masteryscore>${m.masteryScore}</adlcp:masteryscore>`
        : `\n        <imsss:sequencing>\n          <imsss:objectives>\n            <imsss:primaryObjective objectiveID="mastery" satisfiedByMeasure="true">\n              <imsss:minNormalizedMeasure>${m.masteryScore / 100}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>`;
  const title = xml(m.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(m.identifier)}" version="1" ${s.attrs} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${s.location.map((p) => p.join(' ')).join(' ')}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${s.schemaversion}</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${title}</title>
      <item identifier="course" identifierref="sco">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" ${scormType}="sco" href="${SCO_FILE}">
      <file href="${SCO_FILE}"/>
    </resource>
    <resource identifier="schemas" type="webcontent" ${scormType}="asset">
${m.otherFiles.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
