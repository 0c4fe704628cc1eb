import {
  parseAim,
  parseBand,
  parsePeriod,
  parseTarget,
  parseValue,
  comparePeriods,
  statedPeriod,
} from "../../src/core";

describe("values", () => {
  test.each([
    [96, 96],
    ["96", 96],
    [" 22.4% ", 0.224],
    ["1,234", 1234],
    ["1,234.5", 1234.5],
    ["£1,200", 1200],
    ["-3.5", -3.5],
    ["+2", 2],
    ["1e3", 1000],
    [".5", 0.5],
  ])("%p is the number %p", (raw, expected) => {
    expect(parseValue(raw)).toEqual({ ok: true, value: expected });
  });

  test.each([
    "NA",
    "n/a",
    "N/A",
    "n.a.",
    "-",
    "–",
    "redacted",
    "Redacted",
    "tbc",
    "TBC",
    "",
    "   ",
    "not available",
    "#N/A",
    "*",
    "..",
  ])("%p is not available", (raw) => {
    const parsed = parseValue(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.na).toBe(true);
  });

  test.each([null, undefined, { error: "#N/A" }, NaN, Infinity])("%p is not available", (raw) => {
    const parsed = parseValue(raw as never);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.na).toBe(true);
  });

  test.each(["#DIV/0!", " #ref! ", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"])(
    "%p typed or pasted as text is a broken figure, not an NA word (F14)",
    (raw) => {
      expect(parseValue(raw)).toEqual({
        ok: false,
        na: false,
        reason: `value "${raw.trim()}" is the text of an Excel error`,
      });
    },
  );

  test.each(["lots", "12 apples", "1,23", true, new Date(2020, 0, 1)])("%p is not a number, and says so", (raw) => {
    const parsed = parseValue(raw);
    expect(parsed).toMatchObject({ ok: false, na: false });
    expect(!parsed.ok && parsed.reason).toMatch(/is not a number/);
  });
});

describe("aims (SPEC §2)", () => {
  const spellings: [string, string][] = [
    ["Maximise", "Maximise"],
    ["maximize", "Maximise"],
    ["MAX", "Maximise"],
    ["Higher", "Maximise"],
    ["Higher is better", "Maximise"],
    ["higher values are better.", "Maximise"],
    ["Up", "Maximise"],
    ["↑", "Maximise"],
    ["Aim to maximise", "Maximise"],
    [" aim to: Maximise ", "Maximise"],
    ["Minimise", "Minimise"],
    ["minimize", "Minimise"],
    ["Min", "Minimise"],
    ["Lower", "Minimise"],
    ["Lower is better", "Minimise"],
    ["Lower values are better", "Minimise"],
    ["down", "Minimise"],
    ["↓", "Minimise"],
    ["Goldilocks", "Goldilocks"],
    ["Range", "Goldilocks"],
    ["Between", "Goldilocks"],
    ["Target range", "Goldilocks"],
    ["As close to target as possible", "Goldilocks"],
  ];
  test.each(spellings)("%p means %s", (raw, aim) => {
    expect(parseAim(raw)).toEqual({ ok: true, value: aim });
  });
  test("an unknown aim is reported, never guessed", () => {
    expect(parseAim("Sideways")).toEqual({ ok: false, na: false, reason: 'unknown aim "Sideways"' });
    expect(parseAim(3)).toMatchObject({ ok: false, na: false });
    expect(parseAim(null)).toMatchObject({ ok: false, na: true });
  });
  test("the words that mean 'not available' in a value cell mean 'no aim' in an aim cell, not an unknown aim", () => {
    for (const raw of ["-", "TBC", "n/a", "Aim to: n/a", "Not applicable", { error: "#N/A" }]) {
      expect(parseAim(raw)).toEqual({ ok: false, na: true, reason: "no aim given" });
    }
  });
});

describe("targets", () => {
  test.each([
    [100, { kind: "single", value: 100 }],
    ["80%", { kind: "single", value: 0.8 }],
    ["Between 60 and 70", { kind: "range", lo: 60, hi: 70 }],
    ["between 60% and 70%", { kind: "range", lo: 0.6, hi: 0.7 }],
    ["60-70", { kind: "range", lo: 60, hi: 70 }],
    ["60 – 70", { kind: "range", lo: 60, hi: 70 }],
    ["60 to 70", { kind: "range", lo: 60, hi: 70 }],
    ["70-60", { kind: "range", lo: 60, hi: 70 }],
    ["-5", { kind: "single", value: -5 }],
  ])("%p", (raw, target) => {
    expect(parseTarget(raw)).toEqual({ ok: true, value: target });
  });
  test("not available and malformed targets differ", () => {
    expect(parseTarget("NA")).toMatchObject({ ok: false, na: true });
    expect(parseTarget("sixty")).toMatchObject({ ok: false, na: false });
    expect(parseTarget("60-")).toMatchObject({ ok: false, na: false });
  });
});

describe("amber band", () => {
  test.each([
    [0.05, 0.05],
    ["5%", 0.05],
    [5, 0.05],
    [0, 0],
    ["off", 0],
    ["No amber", 0],
    ["100%", 1],
  ])("%p -> %p", (raw, band) => {
    expect(parseBand(raw)).toEqual({ ok: true, value: band });
  });
  test.each([-1, 101, "wide"])("%p is rejected", (raw) => {
    expect(parseBand(raw)).toMatchObject({ ok: false, na: false });
  });
});

describe("periods (SPEC §4)", () => {
  const label = (raw: unknown) => {
    const parsed = parsePeriod(raw as never);
    return parsed.ok ? parsed.value.label : `!${parsed.reason}`;
  };
  test.each([
    ["Q1 2020/21", "Q1 2020/21"],
    ["q2 2020-21", "Q2 2020/21"],
    ["Quarter 3 2020/2021", "Q3 2020/21"],
    ["Q4 20/21", "Q4 2020/21"],
    ["2020/21 Q2", "Q2 2020/21"],
    ["2018/19", "2018/19"],
    ["2018-19", "2018/19"],
    ["FY2018/19", "2018/19"],
    ["2018-2019", "2018/19"],
    ["2012-13", "2012/13"],
    ["Sep-13", "Sep 2013"],
    ["Sep 2013", "Sep 2013"],
    ["September 2013", "Sep 2013"],
    ["Sept 2013", "Sep 2013"],
    ["2013-09-30", "Sep 2013"],
    [new Date(Date.UTC(2013, 8, 30)), "Sep 2013"],
    [41547, "Sep 2013"],
    ["2017", "2017"],
    [2017, "2017"],
  ])("%p is %s", (raw, expected) => {
    expect(label(raw)).toBe(expected);
  });

  test("financial quarters order Q1 < Q2 < Q3 < Q4 < next Q1", () => {
    const order = ["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"].map((raw) => {
      const parsed = parsePeriod(raw);
      if (!parsed.ok) throw new Error(raw);
      return parsed.value;
    });
    for (let i = 1; i < order.length; i++) expect(comparePeriods(order[i - 1], order[i])).toBeLessThan(0);
  });

  test("months order across years; a quarter ends after its first month", () => {
    const p = (raw: string) => {
      const parsed = parsePeriod(raw);
      if (!parsed.ok) throw new Error(raw);
      return parsed.value;
    };
    expect(comparePeriods(p("Dec-12"), p("Jan-13"))).toBeLessThan(0);
    expect(comparePeriods(p("Q4 2012/13"), p("Apr 2013"))).toBeLessThan(0);
    expect(comparePeriods(p("2018/19"), p("2019/20"))).toBeLessThan(0);
    expect(comparePeriods(p("Q4 2019/20"), p("2019/20"))).toBeLessThan(0);
  });

  test("12M and Month name a kind of period, not a date", () => {
    expect(parsePeriod("12M")).toMatchObject({ ok: false, na: true });
    expect(parsePeriod("Month")).toMatchObject({ ok: false, na: true });
  });

  // New-user finding F16: how long a figure covers, as Data Period columns write it, is no period to print.
  test.each([
    "12M",
    "12 months",
    "Month",
    "Monthly",
    "Quarter",
    "Quarterly",
    "Annual",
    "Year",
    "3 yr avg",
    "3 Yr Avg.",
    "3-yr avg",
    "3 year average",
    "3 years average",
    "rolling 3 years",
    "Rolling 12 months",
    "12 month rolling",
    "12 month rolling average",
    "3 year rolling average",
    "Average",
    "avg 2019-2022",
    "YTD",
    "FYTD",
    "Year to date",
    "Financial year to date",
    "Snapshot",
    "4 wks",
  ])("%p names a kind of data period: NA, and stated as no period", (raw) => {
    expect(parsePeriod(raw)).toEqual({
      ok: false,
      na: true,
      reason: `"${raw}" names a kind of data period, not a date`,
    });
    expect(statedPeriod(raw)).toBeNull();
  });

  test.each(["Q2 2020/21", "Sep-13", "2018/19", "2017", "Summer"])("%p is stated as itself", (raw) => {
    expect(statedPeriod(raw)).toBe(raw);
  });

  test.each(["Q1 2020", "Q5 2020/21", "2018/20", "someday", "Smarch 2013"])(
    "%p is unparseable, with a reason",
    (raw) => {
      const parsed = parsePeriod(raw);
      expect(parsed).toMatchObject({ ok: false, na: false });
      expect(!parsed.ok && parsed.reason).toContain(raw);
    },
  );
});
