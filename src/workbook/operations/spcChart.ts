/** SPC chart of one measure (issue 12): the measures a chart can be drawn for, and one measure's chart data. */
import type { WorkbookPort } from "../port";
import { spcChartData, spcChartMeasures } from "../spcChart";
import type { SpcChartMeasure, SpcChartResult } from "../spcChart";
import { scan, type ScanContext } from "./scan";

/** A scan with SPC on whatever the stored setting: a chart is asked for on demand, the series are kept only then. */
export function scanForSpcChart(port: WorkbookPort): Promise<ScanContext> {
  return scan(port, { spc: true });
}

export async function listSpcMeasures(port: WorkbookPort): Promise<SpcChartMeasure[]> {
  return spcChartMeasures(await scanForSpcChart(port));
}

export async function readSpcChart(port: WorkbookPort, key: string): Promise<SpcChartResult> {
  return spcChartData(await scanForSpcChart(port), key);
}
