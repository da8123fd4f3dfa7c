namespace ParHub.Core.Plans;

/// <summary>Where a task stands against its deadline on a given date.</summary>
public enum DeadlineStatus
{
    /// <summary>Chưa đến hạn: the window has not opened yet.</summary>
    NotYetDue,
    /// <summary>Đang thực hiện trong hạn.</summary>
    InProgressOnTime,
    /// <summary>Hoàn thành đúng hạn.</summary>
    DoneOnTime,
    /// <summary>Hoàn thành quá hạn.</summary>
    DoneLate,
    /// <summary>Quá hạn chưa hoàn thành.</summary>
    Overdue,
    /// <summary>Chưa xác định thời hạn: no due date (event-driven, continuous or unread time frame).</summary>
    Undated,
}

public static class DeadlineStatuses
{
    /// <summary>How a task's progress is named to people ("Tiến độ: Đang thực hiện", never the enum's English name).</summary>
    public static string ProgressLabel(TaskProgress p) => p switch
    {
        TaskProgress.NotStarted => "Chưa triển khai",
        TaskProgress.InProgress => "Đang thực hiện",
        _ => "Đã hoàn thành",
    };

    public static string Label(DeadlineStatus s) => s switch
    {
        DeadlineStatus.NotYetDue => "Chưa đến hạn",
        DeadlineStatus.InProgressOnTime => "Đang thực hiện trong hạn",
        DeadlineStatus.DoneOnTime => "Hoàn thành đúng hạn",
        DeadlineStatus.DoneLate => "Hoàn thành quá hạn",
        DeadlineStatus.Overdue => "Quá hạn chưa hoàn thành",
        DeadlineStatus.Undated => "Chưa xác định thời hạn",
        _ => s.ToString(),
    };

    /// <summary>
    /// The status on <paramref name="asOf"/>: a task counts as done only if it was completed on or before that date
    /// (<see cref="DeadlineRule"/>, the same conditions the database counts with).
    /// </summary>
    public static DeadlineStatus Of(DateOnly? start, DateOnly? due, DateOnly? completedOn, DateOnly asOf) =>
        DeadlineRule.Of(start, due, completedOn, asOf);
}

/// <summary>Counts of tasks by status, for a plan, an area, an agency or a group.</summary>
public sealed record StatusCounts(int Total, int DoneOnTime, int DoneLate, int InProgressOnTime, int Overdue, int NotYetDue, int Undated)
{
    public int Done => DoneOnTime + DoneLate;

    public static StatusCounts Of(IEnumerable<DeadlineStatus> statuses)
    {
        int t = 0, dot = 0, dl = 0, ip = 0, od = 0, ny = 0, ud = 0;
        foreach (var s in statuses)
        {
            t++;
            switch (s)
            {
                case DeadlineStatus.DoneOnTime: dot++; break;
                case DeadlineStatus.DoneLate: dl++; break;
                case DeadlineStatus.InProgressOnTime: ip++; break;
                case DeadlineStatus.Overdue: od++; break;
                case DeadlineStatus.NotYetDue: ny++; break;
                default: ud++; break;
            }
        }
        return new StatusCounts(t, dot, dl, ip, od, ny, ud);
    }

    /// <summary>"08/57 nhiệm vụ hoàn thành".</summary>
    public string DoneSentence => $"{Done:00}/{Total} nhiệm vụ hoàn thành";

    /// <summary>"78 nhiệm vụ: 37 đúng hạn, 41 trong hạn, 0 quá hạn".</summary>
    public string Summary => $"{Total} nhiệm vụ: {DoneOnTime} đúng hạn, {InProgressOnTime + NotYetDue} trong hạn, {Overdue + DoneLate} quá hạn";
}
