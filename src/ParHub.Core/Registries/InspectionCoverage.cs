namespace ParHub.Core.Registries;

/// <summary>
/// Inspection coverage (tỷ lệ cơ quan, đơn vị được kiểm tra CCHC): of a set of agencies, those with an inspection visit
/// (a "Ngày kiểm tra thực tế") in the year; the seeds' target is at least 30% a year.
/// </summary>
public static class InspectionCoverage
{
    public const int TargetPercent = 30;
    public const string Subject = "doi_tuong";
    public const string Visited = "ngay_kiem_tra";

    /// <summary>The agencies visited in the year by the inspections given (each counted once however often inspected).</summary>
    public static HashSet<int> Inspected(IEnumerable<RegistryFact> inspections, int year) =>
        inspections.Where(f => RegistryValues.Date(f.Values, Visited)?.Year == year)
            .Select(f => RegistryValues.Id(f.Values, Subject)).OfType<int>().ToHashSet();
}
