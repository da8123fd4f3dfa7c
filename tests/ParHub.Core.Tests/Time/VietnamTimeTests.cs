using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using ParHub.Core.Time;

namespace ParHub.Core.Tests.Time;

public class VietnamTimeTests
{
    [Fact]
    public void Today_is_Vietnams_date_whatever_the_servers_zone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2026, 12, 31), VietnamTime.Today(clock));
        Assert.Equal(new DateOnly(2026, 12, 31), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        Assert.Equal("31/12/2026 23:59", VietnamTime.Show(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new DateOnly(2027, 1, 1), VietnamTime.Today(clock)); // 00:30 on New Year's Day in Hà Nội
        Assert.Equal(new DateOnly(2026, 12, 31), DateOnly.FromDateTime(clock.GetLocalNow().DateTime)); // the server's day
    }

    [Fact]
    public void The_digest_hour_is_Vietnams_seven_oclock_on_a_utc_server()
    {
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero); // 08:00 in Vietnam: today's 07:00 has passed
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), VietnamTime.NextDaily(now, 7).ToUniversalTime());
        var early = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero); // 06:00 on 1 December in Vietnam
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), VietnamTime.NextDaily(early, 7).ToUniversalTime());
    }

    [Fact]
    public void The_next_daily_moment_is_within_a_day_and_shows_the_hour() =>
        Prop.ForAll(Gen.Choose(0, 60 * 24 * 366).ToArbitrary(), Gen.Choose(0, 23).ToArbitrary(), (minutes, hour) =>
        {
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(minutes);
            var next = VietnamTime.NextDaily(now, hour);
            var gap = next - now;
            return gap > TimeSpan.Zero && gap <= TimeSpan.FromDays(1) && next.ToOffset(VietnamTime.Offset).Hour == hour
                && next.ToOffset(VietnamTime.Offset).Minute == 0;
        }).CheckReplayable();
}
