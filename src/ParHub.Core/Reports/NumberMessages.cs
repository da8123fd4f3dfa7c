namespace ParHub.Core.Reports;

/// <summary>
/// The words every number a person types is refused with — in a periodic report and in a self-assessment alike — so
/// that the same mistake always reads the same way.
/// </summary>
public static class NumberMessages
{
    public static string NotANumber(string label, string part, string text) =>
        $"{label}{part}: \"{Short(text)}\" không phải là số (viết 1.150 cho một nghìn một trăm năm mươi, 1,5 cho một phẩy năm).";

    public static string Negative(string label) => $"{label}: không được là số âm.";

    public static string TooLarge(string label) => $"{label}: số quá lớn (tối đa {VietnameseNumber.Format(ReportCheck.MaxNumber)}).";

    public static string NeedsBoth(string label) => $"{label}: cần nhập cả tử số và mẫu số.";

    public static string NumeratorOverDenominator(string label, decimal num, decimal den) =>
        $"{label}: tử số ({VietnameseNumber.Format(num)}) lớn hơn mẫu số ({VietnameseNumber.Format(den)}).";

    public static string NotWhole(string label) => $"{label}: phải là số nguyên.";

    private static string Short(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
