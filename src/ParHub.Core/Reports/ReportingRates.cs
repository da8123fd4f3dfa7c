namespace ParHub.Core.Reports;

/// <summary>Where one expected report stands for a period.</summary>
public enum SubmissionState
{
    /// <summary>Submitted on or before the due date.</summary>
    OnTime,
    /// <summary>Submitted after the due date.</summary>
    Late,
    /// <summary>Not submitted and the due date has passed.</summary>
    Missing,
    /// <summary>Not submitted yet, and not due yet.</summary>
    NotYetDue,
}

/// <summary>Expected, submitted, on time, late and missing: the DHIS2-style completeness and timeliness of a period.</summary>
public sealed record RateCounts(int Expected, int Submitted, int OnTime, int Late, int Missing, int NotYetDue)
{
    public static RateCounts Of(IEnumerable<SubmissionState> states)
    {
        int e = 0, on = 0, late = 0, miss = 0, wait = 0;
        foreach (var s in states)
        {
            e++;
            switch (s)
            {
                case SubmissionState.OnTime: on++; break;
                case SubmissionState.Late: late++; break;
                case SubmissionState.Missing: miss++; break;
                default: wait++; break;
            }
        }
        return new(e, on + late, on, late, miss, wait);
    }

    /// <summary>Reporting rate: submitted over expected (as numerator and denominator).</summary>
    public string SubmittedPercent => VietnameseNumber.Percent(Submitted, Expected);
    /// <summary>Timeliness: on time over expected.</summary>
    public string OnTimePercent => VietnameseNumber.Percent(OnTime, Expected);
}

public static class ReportingRates
{
    /// <summary>
    /// The state of one expected report. "On time" is measured by the first submission (local date, Vietnam time);
    /// a report returned for corrections and sent again keeps its first submission's timeliness.
    /// </summary>
    public static SubmissionState StateOf(DateOnly? due, DateOnly? firstSubmittedOn, DateOnly asOf)
    {
        if (firstSubmittedOn is { } s) return due is null || s <= due ? SubmissionState.OnTime : SubmissionState.Late;
        return due is { } d && asOf > d ? SubmissionState.Missing : SubmissionState.NotYetDue;
    }

    public static string Label(SubmissionState s) => s switch
    {
        SubmissionState.OnTime => "Đúng hạn",
        SubmissionState.Late => "Muộn",
        SubmissionState.Missing => "Chưa nộp (quá hạn)",
        _ => "Chưa nộp (chưa đến hạn)",
    };
}
