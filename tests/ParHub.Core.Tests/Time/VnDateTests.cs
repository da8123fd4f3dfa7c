using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Time;

namespace ParHub.Core.Tests.Time;

public class VnDateTests
{
    [Theory]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("1/2/2026", 2026, 2, 1)]
    [InlineData(" 05-03-2027 ", 2027, 3, 5)]
    [InlineData("05.03.2027", 2027, 3, 5)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    public void Typed_dates_are_read_day_first(string text, int y, int m, int d)
    {
        Assert.True(VnDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("12/31/2026")] // the English browser's month first
    [InlineData("31/02/2026")]
    [InlineData("2026/12/31")]
    [InlineData("31/12/26")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("hôm nay")]
    public void Anything_else_is_refused(string? text) => Assert.False(VnDate.TryParse(text, out _));

    [Fact]
    public void A_shown_date_reads_back_as_itself_and_iso_is_shown_day_first() =>
        Prop.ForAll(Gen.Choose(0, 365 * 200).ToArbitrary(), days =>
        {
            var date = new DateOnly(1950, 1, 1).AddDays(days);
            var shown = VnDate.Show(date);
            return VnDate.TryParse(shown, out var back) && back == date
                && System.Text.RegularExpressions.Regex.IsMatch(shown, $"^(?:{VnDate.InputPattern})$")
                && VnDate.ShowTyped(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) == shown
                && VnDate.TryParse(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), out var iso) && iso == date;
        }).CheckReplayable();
}
