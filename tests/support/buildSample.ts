/**
 * The sample scorecard: three directorate sheets shaped like the real reports in ../shared/seeds
 * (Medway's People priority, Kent's Adult Social Care dashboard and CYPE scorecard) and a Notes sheet
 * the add-in must leave alone. Pure ExcelJS, no file system. Not shipped: scripts/generate-sample.mjs turns it into
 * the bytes of src/sample/sampleXlsx.ts, which the CLI saves and the browser demo loads, so ExcelJS stays a dev
 * dependency; the tests build it afresh.
 */
import { Workbook, type Worksheet } from "exceljs";

type Figure = number | string | null;

const PERCENT = "0.0%";
const TITLE_FONT = { size: 14, color: { argb: "FF1F3864" } };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } as const;

export function buildSampleWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.creator = "Scorecard sample";
  workbook.created = new Date(Date.UTC(2020, 10, 2));
  workbook.modified = workbook.created;
  addPeopleSheet(workbook);
  addAdultSocialCareSheet(workbook);
  addChildrensServicesSheet(workbook);
  addNotesSheet(workbook);
  return workbook;
}

function title(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = TITLE_FONT;
}

function note(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { italic: true, color: { argb: "FF595959" } };
}

function header(ws: Worksheet, row: number, labels: readonly (string | Date)[], dateFormat?: string): void {
  // Room for two lines: "Current 2013-14 Target" wraps, and LibreOffice does not grow rows on its own.
  if (labels.some((label) => typeof label === "string" && label.length > 12)) ws.getRow(row).height = 30;
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (label instanceof Date && dateFormat) cell.numFmt = dateFormat;
  });
}

/** Percent measures are stored as fractions and shown with a % format, as analysts keep them. */
function figure(ws: Worksheet, row: number, col: number, value: Figure, percent: boolean): void {
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (percent && typeof value === "number") cell.numFmt = PERCENT;
}

// ---------------------------------------------------------------- People (Medway, long layout)

interface LongMeasure {
  readonly code: string;
  readonly name: string;
  readonly aim: string;
  readonly percent: boolean;
  readonly band?: string;
  /** Newest first, as Medway lists them: [period, target, value]. */
  readonly history: readonly (readonly [string, Figure, Figure])[];
}

const PEOPLE_OUTCOMES: readonly { readonly outcome: string; readonly measures: readonly LongMeasure[] }[] = [
  {
    outcome: "Outcome: Healthy and active communities",
    measures: [
      {
        code: "PH14",
        name: "Excess weight in 4-5 year olds",
        aim: "Minimise",
        percent: true,
        history: [
          ["2019/20", 0.224, "NA"],
          ["2018/19", 0.215, 0.24],
          ["2017/18", 0.215, 0.231],
          ["2016/17", 0.22, 0.226],
        ],
      },
      {
        code: "PH15",
        name: "Excess weight in 10-11 year olds",
        aim: "Minimise",
        percent: true,
        history: [
          ["2019/20", 0.34, "NA"],
          ["2018/19", 0.34, 0.362],
          ["2017/18", 0.34, 0.354],
          ["2016/17", 0.345, 0.35],
        ],
      },
      {
        code: "PH26",
        name: "Healthy Settings programme: organisations achieving an award",
        aim: "Maximise",
        percent: false,
        history: [
          ["Q2 2020/21", 3, 3],
          ["Q1 2020/21", 7, 8],
          ["Q4 2019/20", 7, 9],
          ["Q3 2019/20", 7, 7],
          ["Q2 2019/20", 7, 10],
        ],
      },
      {
        code: "PH16",
        name: "Smoking at time of delivery",
        aim: "Minimise",
        percent: true,
        history: [
          ["Q1 2020/21", 0.175, 0.1837],
          ["Q4 2019/20", 0.175, 0.139],
          ["Q3 2019/20", 0.175, 0.152],
          ["Q2 2019/20", 0.175, 0.161],
          ["Q1 2019/20", 0.175, 0.17],
        ],
      },
    ],
  },
  {
    outcome: "Outcome: Older and disabled people living independently in their homes",
    measures: [
      {
        code: "ASCGBT001",
        name: "% of long term packages that are placements",
        aim: "Minimise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.3, 0.28],
          ["Q1 2020/21", 0.3, 0.29],
          ["Q4 2019/20", 0.3, 0.31],
          ["Q3 2019/20", 0.3, 0.31],
          ["Q2 2019/20", 0.3, 0.31],
        ],
      },
      {
        code: "ASCOF 1C(2i)",
        name: "Percentage of clients receiving a direct payment for their social care service",
        aim: "Maximise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.3, 0.28],
          ["Q1 2020/21", 0.3, 0.302],
          ["Q4 2019/20", 0.3, 0.295],
          ["Q3 2019/20", 0.3, 0.289],
          ["Q2 2019/20", 0.28, 0.28],
        ],
      },
      {
        code: "ASCOF 1G(n)",
        name: "Adults with a learning disability who live in their own home or with their family",
        aim: "Maximise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.7, 0.67],
          ["Q1 2020/21", 0.7, 0.68],
          ["Q4 2019/20", 0.7, 0.66],
          ["Q3 2019/20", 0.7, 0.65],
          ["Q2 2019/20", 0.7, 0.64],
        ],
      },
      {
        code: "ASCOF 2A(1)",
        name: "Permanent admissions to care homes per 100,000 population, 18-64",
        aim: "Minimise",
        percent: false,
        history: [
          ["Q2 2020/21", 3.5, "redacted"],
          ["Q1 2020/21", 3.5, 3],
          ["Q4 2019/20", 3.5, 4.1],
          ["Q3 2019/20", 3.5, 3.2],
        ],
      },
      {
        code: "ASCOF 2A(2)",
        name: "Permanent admissions to care homes per 100,000 population, 65+",
        aim: "Minimise",
        percent: false,
        history: [
          ["Q2 2020/21", 154.5, 54.3],
          ["Q1 2020/21", 154.5, 79.2],
          ["Q4 2019/20", 154.5, 160.2],
          ["Q3 2019/20", 154.5, 150.1],
          ["Q2 2019/20", 154.5, 148.3],
        ],
      },
      {
        code: "ASCOF 2Cii",
        name: "Delayed transfers of care attributable to adult social care, per 100,000 population",
        aim: "Minimise",
        percent: false,
        history: [["Q2 2020/21", 4.1, "NA"]],
      },
    ],
  },
  {
    outcome: "Outcome: Children and young people have the best start in life",
    measures: [
      {
        code: "A1",
        name: "Average days between a child entering care and moving in with an adoptive family (3 year average)",
        aim: "Minimise",
        percent: false,
        history: [
          ["Q2 2020/21", 450, 507],
          ["Q1 2020/21", 450, 511],
          ["Q4 2019/20", 450, 523],
          ["Q3 2019/20", 450, 530],
          ["Q2 2019/20", 450, 541],
        ],
      },
      {
        code: "CSC0004",
        name: "Number of looked after children per 10,000 children",
        aim: "Minimise",
        percent: false,
        history: [
          ["Q2 2020/21", 65.3, 73.5],
          ["Q1 2020/21", 65.3, 70.6],
          ["Q4 2019/20", 65.3, 69.8],
          ["Q3 2019/20", 65.3, 68.1],
        ],
      },
      {
        code: "ILAC1",
        name: "Average caseloads in assessment teams",
        aim: "Minimise",
        percent: false,
        history: [
          ["Q2 2020/21", 22, 14.7],
          ["Q1 2020/21", 22, 10.8],
          ["Q4 2019/20", 22, 18.2],
          ["Q3 2019/20", 22, 21.6],
          ["Q2 2019/20", 22, 27.7],
        ],
      },
      {
        code: "ILAC3",
        name: "Initial assessments started as S47 where the child was visited within 1 working day",
        aim: "Maximise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.9, 0.94],
          ["Q1 2020/21", 0.9, 0.89],
          ["Q4 2019/20", 0.9, 0.85],
          ["Q3 2019/20", 0.9, 0.8],
          ["Q2 2019/20", 0.9, 0.76],
        ],
      },
      {
        code: "ILAC4",
        name: "Initial assessments started as S17 where the child was visited within 5 working days",
        aim: "Maximise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.85, 0.74],
          ["Q1 2020/21", 0.85, 0.81],
          ["Q4 2019/20", 0.85, 0.83],
        ],
      },
      {
        code: "ILAC6",
        name: "Rate of open child in need cases per 10,000 (neither too few nor too many)",
        aim: "Goldilocks",
        percent: false,
        history: [
          ["Q2 2020/21", "Between 330 and 380", 391],
          ["Q1 2020/21", "Between 330 and 380", 376],
          ["Q4 2019/20", "Between 330 and 380", 362],
          ["Q3 2019/20", "Between 330 and 380", 401],
          ["Q2 2019/20", "Between 330 and 380", 412],
        ],
      },
      {
        code: "N15",
        name: "Initial child protection conferences held within 15 working days",
        aim: "Maximise",
        percent: true,
        band: "off",
        history: [
          ["Q2 2020/21", 0.9, 0.89],
          ["Q1 2020/21", 0.9, 0.92],
          ["Q4 2019/20", 0.9, 0.85],
          ["Q3 2019/20", 0.9, 0.87],
        ],
      },
      {
        code: "N23",
        name: "Children's social care posts not filled by permanent social workers",
        aim: "Minimise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.25, "NA"],
          ["Q1 2020/21", 0.25, 0.36],
          ["Q4 2019/20", 0.25, 0.38],
        ],
      },
      {
        code: "CA13",
        name: "Children permanently excluded from school (upheld only)",
        aim: "Minimise",
        percent: true,
        history: [
          ["Q2 2020/21", 0.0002, 0],
          ["Q1 2020/21", 0.0002, 0],
          ["Q4 2019/20", 0.0002, 0.0001],
        ],
      },
    ],
  },
];

const PEOPLE_HEADERS = [
  "Code",
  "Measure",
  "Period",
  "Target",
  "Value",
  "Aim to",
  "Amber band",
  "Status",
  "Long Trend",
  "Short Trend",
];

function addPeopleSheet(workbook: Workbook): void {
  const ws = workbook.addWorksheet("People");
  title(ws, 1, "Council Priority: People - supporting Medway's people to realise their potential");
  note(ws, 2, "Council Plan measures, Quarter 2 2020/21. Quarters newest first; annual measures by financial year.");
  let row = 4;
  for (const { outcome, measures } of PEOPLE_OUTCOMES) {
    ws.getCell(row, 1).value = outcome;
    ws.getCell(row, 1).font = { bold: true, size: 12 };
    header(ws, row + 1, PEOPLE_HEADERS);
    row += 2;
    for (const measure of measures) {
      for (const [period, target, value] of measure.history) {
        ws.getCell(row, 1).value = measure.code;
        ws.getCell(row, 2).value = measure.name;
        ws.getCell(row, 3).value = period;
        figure(ws, row, 4, target, measure.percent);
        figure(ws, row, 5, value, measure.percent);
        ws.getCell(row, 6).value = measure.aim;
        if (measure.band) ws.getCell(row, 7).value = measure.band;
        row++;
      }
    }
    row++;
  }
  setWidths(ws, [14, 60, 12, 20, 10, 11, 11, 9, 11, 11]);
  printSetup(ws);
}

// ---------------------------------------------------------------- Adult Social Care (Kent, wide monthly layout)

interface WideMeasure {
  readonly ref: string;
  readonly name: string;
  readonly service: string;
  readonly polarity: string;
  readonly target: Figure;
  readonly floor: Figure;
  readonly percent: boolean;
  /** Oct-12 … Sep-13; null where the month has no figure yet. */
  readonly months: readonly Figure[];
}

const OPPD = "Older People and Physical Disability";
const LDMH = "Learning Disability and Mental Health";
const ACCESS = "Access and Assessment";

/** Percent figures as typed (73 -> 0.73), without float noise such as 0.47600000000000003. */
const pct = (...values: (number | null)[]): Figure[] =>
  values.map((v) => (v === null ? null : Number((v / 100).toPrecision(10))));

const ASC_MEASURES: readonly WideMeasure[] = [
  {
    ref: "ASC01",
    name: "Clients with community based services who receive a personal budget and/or a direct payment",
    service: OPPD,
    polarity: "Higher is better",
    target: 0.8,
    floor: 0.7,
    percent: true,
    months: pct(67, 70, 71, 74, 73, 76, 76, 77, 76, 76, 74, 73),
  },
  {
    ref: "ASC02",
    name: "Proportion of personal budgets given as a direct payment (not RAG rated)",
    service: OPPD,
    polarity: "Higher is better",
    target: "n/a",
    floor: null,
    percent: true,
    months: pct(21.9, 22.3, 22, 22.8, 23.1, 21.7, 22.4, 23, 23.5, 24.1, 24.6, 24.9),
  },
  {
    ref: "ASC03",
    name: "Number of adult social care clients receiving a telecare service",
    service: OPPD,
    polarity: "Higher is better",
    target: 1750,
    floor: 1600,
    percent: false,
    months: [1321, 1407, 1460, 1497, 1534, 1596, 1638, 1784, 1937, 2051, 2130, 2276],
  },
  {
    ref: "ASC04",
    name: "People with a short term intervention who had no further service",
    service: OPPD,
    polarity: "Higher is better",
    target: 0.46,
    floor: 0.42,
    percent: true,
    months: pct(null, null, 46.2, 45.2, 45.2, 45.5, 45.6, 45.6, 45.6, 46.5, 47.4, 47.6),
  },
  {
    ref: "ASC05",
    name: "Clients satisfied that desired outcomes have been achieved at their first review",
    service: OPPD,
    polarity: "Higher is better",
    target: 0.75,
    floor: 0.7,
    percent: true,
    months: pct(74, 74, 74, 73, 72, 74, 73, 72, 72, 74, 72, 73),
  },
  {
    ref: "ASC06",
    name: "Older people still at home 91 days after discharge from hospital into reablement",
    service: OPPD,
    polarity: "Higher is better",
    target: 0.85,
    floor: 0.8,
    percent: true,
    months: pct(82, 82, 83, 84, 84, 84, 84, 90, 86, 89, 79, 86),
  },
  {
    ref: "ASC07",
    name: "Delayed transfers of care per 100,000 population",
    service: ACCESS,
    polarity: "Lower is better",
    target: 5.4,
    floor: 6,
    percent: false,
    months: [5.4, 5.62, 5.74, 5.86, 5.63, 5.68, 5.53, 5.71, 5.93, 5.92, 5.84, null],
  },
  {
    ref: "ASC08",
    name: "Admissions to permanent residential care for older people",
    service: OPPD,
    polarity: "Lower is better",
    target: 130,
    floor: 145,
    percent: false,
    months: [151, 99, 132, 135, 147, 149, 152, 133, 173, 127, 133, 120],
  },
  {
    ref: "ASC09",
    name: "People with learning disabilities in residential care",
    service: LDMH,
    polarity: "Lower is better",
    target: 1260,
    floor: 1300,
    percent: false,
    months: [1277, 1278, 1269, 1273, 1274, 1265, 1266, 1263, 1266, 1252, 1251, 1249],
  },
  {
    ref: "ASC10",
    name: "Adults in contact with secondary mental health services in settled accommodation",
    service: LDMH,
    polarity: "Higher is better",
    target: 0.75,
    floor: 0.7,
    percent: true,
    months: pct(84, 83, 85, 85, 85, 86, 84, 84, 84, 84, 85, null),
  },
  {
    ref: "ASC11",
    name: "Contacts resolved at source",
    service: ACCESS,
    polarity: "Higher is better",
    target: 0.28,
    floor: 0.25,
    percent: true,
    months: pct(22, 24.6, 23.8, 20.1, 25.8, 26.3, 28.4, 27, 29.1, 29.5, 29.9, 28.1),
  },
];

/** Oct-12 … Sep-13 as Excel dates shown `mmm-yy` (what Excel makes of typing "Oct-12"). */
const ASC_MONTHS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2012, 9 + i, 1)));

function addAdultSocialCareSheet(workbook: Workbook): void {
  const ws = workbook.addWorksheet("Adult Social Care");
  title(ws, 1, "Adult Social Care Dashboard - September 2013");
  note(ws, 2, "Monthly trend data. Amber: behind target but not below the floor (minimum acceptable level).");
  const fixed = ["Ref", "Indicator Description", "Service", "Polarity", "Current 2013-14 Target", "Floor"];
  header(ws, 4, [...fixed, ...ASC_MONTHS], "mmm-yy");
  ASC_MEASURES.forEach((measure, i) => {
    const row = 5 + i;
    ws.getCell(row, 1).value = measure.ref;
    ws.getCell(row, 2).value = measure.name;
    ws.getCell(row, 3).value = measure.service;
    ws.getCell(row, 4).value = measure.polarity;
    figure(ws, row, 5, measure.target, measure.percent);
    figure(ws, row, 6, measure.floor, measure.percent);
    measure.months.forEach((value, m) => figure(ws, row, fixed.length + 1 + m, value, measure.percent));
  });
  setWidths(ws, [8, 60, 24, 16, 12, 9, ...ASC_MONTHS.map(() => 8)]);
  printSetup(ws);
}

// ---------------------------------------------------------------- Children's Services (Kent CYPE, single layout)

interface SingleMeasure {
  readonly ref: string;
  readonly name: string;
  readonly section: string;
  readonly dataPeriod: string;
  readonly polarity: string;
  readonly target: Figure;
  readonly previous: Figure;
  readonly current: Figure;
  readonly percent: boolean;
}

const EY = "Early Years";
const EDU = "Education";
const EH = "Early Help";
const SCS = "Specialist Children's Services";

const CYPE_MEASURES: readonly SingleMeasure[] = [
  single(
    "EY1",
    "Take up of free early education by eligible two year olds",
    EY,
    "Quarter",
    "Higher",
    0.78,
    0.684,
    0.622,
  ),
  single("EY2", "Early Years settings judged good or outstanding", EY, "Month", "Higher", 0.98, 0.959, 0.965),
  single("SISE4", "Schools judged good or outstanding by Ofsted", EDU, "Month", "Higher", 0.92, 0.901, 0.911),
  single("SEN2", "Education, Health and Care Plans issued within 20 weeks", EDU, "12M", "Higher", 0.9, 0.686, 0.464),
  single("SISE12", "Unemployment among 18-24 year olds", EDU, "Month", "Lower", 0.028, 0.031, 0.028),
  single("PEX1", "Permanent exclusions of primary aged pupils", EDU, "12M", "Lower", 15, 18, 24),
  single("PEX2", "Permanent exclusions of secondary aged pupils", EDU, "12M", "Lower", 40, 45, 27),
  single("EH43", "Early Help cases closed with outcomes achieved", EH, "Month", "Higher", 0.8, 0.775, 0.835),
  single("EH52", "First time entrants to the youth justice system", EH, "12M", "Lower", 300, 312, 260),
  single(
    "SCS01",
    "Case holding posts filled by permanent qualified social workers",
    SCS,
    "Month",
    "Higher",
    0.85,
    0.822,
    0.803,
  ),
  single("SCS03", "Referrals within 12 months of a previous referral", SCS, "12M", "Lower", 0.24, 0.243, 0.251),
  single(
    "SCS08",
    "Child protection plans for a second or subsequent time",
    SCS,
    "12M",
    "Target range",
    "17.5%-22.5%",
    0.229,
    0.205,
  ),
  single(
    "SCS11",
    "Average days between coming into care and moving in with an adoptive family",
    SCS,
    "12M",
    "Lower",
    426,
    360,
    337,
  ),
  single(
    "SCS13",
    "Children in care in the same placement for the last 2 years",
    SCS,
    "Month",
    "Higher",
    0.7,
    0.682,
    0.693,
  ),
  single("SCS15", "Care leavers in education, employment or training", SCS, "Month", "Higher", 0.65, 0.665, 0.654),
  single("SCS16", "On-line case file audits completed", SCS, "12M", "Higher", 0.75, 0.741, 0.779),
  single("SCS20", "Average caseload in Children in Care teams", SCS, "Month", "Lower is btter", 15, 17, 16.4),
  single("SCS21", "Average caseload in Children's Social Work teams", SCS, "Month", "Lower", 18, 22, 23.1),
];

function single(
  ref: string,
  name: string,
  section: string,
  dataPeriod: string,
  polarity: string,
  target: Figure,
  previous: Figure,
  current: Figure,
): SingleMeasure {
  const percent = [target, previous, current].some((v) => typeof v === "number" && v < 1);
  return { ref, name, section, dataPeriod, polarity, target, previous, current, percent };
}

function addChildrensServicesSheet(workbook: Workbook): void {
  const ws = workbook.addWorksheet("Children's Services");
  title(ws, 1, "Children, Young People and Education - Directorate Scorecard, July 2018");
  note(ws, 2, "Previous figures are the 2017-18 outturn. RAG and direction of travel are filled in by Scorecard.");
  header(ws, 4, [
    "Ref",
    "Indicator",
    "Section",
    "Data Period",
    "Polarity",
    "Target",
    "2017-18 Outturn",
    "Current Position",
    "RAG",
    "DoT",
  ]);
  CYPE_MEASURES.forEach((measure, i) => {
    const row = 5 + i;
    ws.getCell(row, 1).value = measure.ref;
    ws.getCell(row, 2).value = measure.name;
    ws.getCell(row, 3).value = measure.section;
    ws.getCell(row, 4).value = measure.dataPeriod;
    ws.getCell(row, 5).value = measure.polarity;
    figure(ws, row, 6, measure.target, measure.percent);
    figure(ws, row, 7, measure.previous, measure.percent);
    figure(ws, row, 8, measure.current, measure.percent);
  });
  setWidths(ws, [8, 62, 28, 11, 14, 12, 12, 12, 8, 8]);
  printSetup(ws);
}

// ---------------------------------------------------------------- Notes (must stay untouched)

function addNotesSheet(workbook: Workbook): void {
  const ws = workbook.addWorksheet("Notes");
  ws.getCell("A1").value = "About this workbook";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.mergeCells("A3:D3");
  ws.getCell("A3").value =
    "A sample council scorecard. Scorecard fills in status and trends on the directorate sheets and builds a summary sheet; this sheet is never changed.";
  ws.getCell("A3").alignment = { wrapText: true, vertical: "top" };
  ws.getRow(3).height = 45;
  header(ws, 5, ["Sheet", "Layout", "Measures", "Source"]);
  const rows: readonly (readonly [string, string, string])[] = [
    ["People", "long: one row per measure per period, newest first", "Medway Council Plan, Q2 2020/21"],
    ["Adult Social Care", "wide: one column per month, with floors", "Kent ASC dashboard, September 2013"],
    ["Children's Services", "single: current value and 2017-18 outturn", "Kent CYPE scorecard, July 2018"],
  ];
  rows.forEach(([sheet, layout, source], i) => {
    const row = 6 + i;
    ws.getCell(row, 1).value = sheet;
    ws.getCell(row, 2).value = layout;
    // A live formula, so round trips must keep formulas as well as values.
    const counted = workbook
      .getWorksheet(sheet)
      ?.getColumn(1)
      .values.filter((v) => v !== null && v !== undefined);
    ws.getCell(row, 3).value = { formula: `COUNTA('${sheet.replace(/'/g, "''")}'!A:A)`, result: counted?.length ?? 0 };
    ws.getCell(row, 4).value = source;
  });
  ws.getCell("A10").value = {
    text: "SPEC: how statuses and trends are worked out",
    hyperlink: "https://example.org/scorecard/spec",
  };
  ws.getCell("A10").font = { underline: true, color: { argb: "FF0563C1" } };
  ws.getCell("A12").value = "Left alone by the add-in";
  setWidths(ws, [22, 50, 10, 40]);
  printSetup(ws);
}

function setWidths(ws: Worksheet, widths: readonly number[]): void {
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}

/** Printed for committee papers: A4 landscape, all columns on one page width. */
function printSetup(ws: Worksheet): void {
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
