import { formatFigure, isCurrencyFormat, readFigureFormat, withCurrency } from "../../src/core/figureFormat";

const shows = (code: string, x: number) => {
  const format = readFigureFormat(code);
  if (format === null) throw new Error(`no format for ${code}`);
  return formatFigure(x, format);
};

describe("figures as their cells' number format shows them (F20/F22)", () => {
  test.each([
    ['"£"#,##0', 1290000, "£1,290,000"],
    ["£#,##0.00", 1234.5, "£1,234.50"],
    ["[$£-809]#,##0", 1150000, "£1,150,000"],
    ['#,##0.00 "€"', 1234.5, "1,234.50€"],
    ["$#,##0;[Red]-$#,##0", -1500, "-$1,500"],
    ["0.0%", 0.961, "96.1%"],
    ["0%", 0.8, "80%"],
    ["#,##0", 1288115.686, "1,288,116"],
    ["0.00", 12.20555, "12.21"],
    ['"£"#,##0', -0.2, "£0"],
  ])("%s shows %p as %s", (code, x, text) => {
    expect(shows(code, x)).toBe(text);
  });

  test("General and no format are left to the caller; currency is told apart from percent and plain", () => {
    expect(readFigureFormat(undefined)).toBeNull();
    expect(readFigureFormat("General")).toBeNull();
    expect(isCurrencyFormat(readFigureFormat('"£"#,##0'))).toBe(true);
    expect(isCurrencyFormat(readFigureFormat("0.0%"))).toBe(false);
    expect(isCurrencyFormat(readFigureFormat("#,##0"))).toBe(false);
    expect(isCurrencyFormat(readFigureFormat('0 "days"'))).toBe(false);
  });

  test("more decimals when asked (a mean one decimal finer)", () => {
    expect(formatFigure(1220833.333, readFigureFormat('"£"#,##0')!, 1)).toBe("£1,220,833.3");
  });
});

test("withCurrency puts the symbol and separators on digits the caller rounded", () => {
  const pounds = readFigureFormat('"£"#,##0')!;
  expect(withCurrency("1288115.7", pounds)).toBe("£1,288,115.7");
  expect(withCurrency("-1500", pounds)).toBe("-£1,500");
  expect(withCurrency("950", readFigureFormat('#,##0.00 "€"')!)).toBe("950€");
});
