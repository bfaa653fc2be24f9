using Sigma.BuildingBlocks.Time;

namespace Sigma.BuildingBlocks.Tests;

public class ParisTimeTests
{
    [Fact]
    public void Winter_times_are_shown_one_hour_ahead_of_utc() =>
        new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero).Affiche().ShouldBe("28/11/2026 à 12:00");

    [Fact]
    public void Summer_times_are_shown_two_hours_ahead_of_utc() =>
        new DateTimeOffset(2026, 7, 14, 10, 0, 0, TimeSpan.Zero).Affiche().ShouldBe("14/07/2026 à 12:00");

    [Fact]
    public void A_deadline_typed_in_paris_is_the_right_instant() =>
        ParisTime.FromParisWallClock(new DateTime(2026, 3, 30, 12, 0, 0)).UtcDateTime.ShouldBe(new DateTime(2026, 3, 30, 10, 0, 0));
}
