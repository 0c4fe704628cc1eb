/** The namespaces of new parts, in the family the package already uses (Strict OOXML or Transitional). */
export interface Namespaces {
  readonly main: string;
  readonly rel: string;
  readonly drawing: string;
  readonly chart: string;
  readonly a: string;
}

export function namespaces(strict: boolean): Namespaces {
  return strict
    ? {
        main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
        rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
        drawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
        chart: "http://purl.oclc.org/ooxml/drawingml/chart",
        a: "http://purl.oclc.org/ooxml/drawingml/main",
      }
    : {
        main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
        chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
        a: "http://schemas.openxmlformats.org/drawingml/2006/main",
      };
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
