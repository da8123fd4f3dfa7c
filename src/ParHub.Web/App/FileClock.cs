namespace ParHub.Web.App;

/// <summary>
/// A clock for browser tests and demonstrations: when <c>PARHUB_NOW_FILE</c> names a file holding an ISO date-time
/// ("2026-03-04T09:00:00+07:00"), that is "now"; otherwise (no file, empty, unreadable) the real time. Time is the one
/// outside edge a test cannot otherwise control, e.g. to submit one report on time and one late.
/// </summary>
public sealed class FileClock(string path) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        try
        {
            if (File.Exists(path) && DateTimeOffset.TryParse(File.ReadAllText(path).Trim(), global::System.Globalization.CultureInfo.InvariantCulture,
                    global::System.Globalization.DateTimeStyles.None, out var now))
                return now.ToUniversalTime();
        }
        catch (IOException) { }
        return System.GetUtcNow();
    }
}
