using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ParHub.Core.Tests;

/// <summary>
/// Runs a property with a seed that is named when it fails and can be replayed: every run draws a new seed (more
/// cases over time), and <c>PARHUB_PROPERTY_SEED=seed,gamma</c> replays the one a failure printed.
/// </summary>
public static class PropertyCheck
{
    public const string SeedVariable = "PARHUB_PROPERTY_SEED";

    public static (ulong Seed, ulong Gamma) NextSeed()
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } replay)
        {
            var parts = replay.Split(',', StringSplitOptions.TrimEntries);
            return (ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        return ((ulong)System.Random.Shared.NextInt64(), (ulong)System.Random.Shared.NextInt64() | 1UL); // the gamma is odd
    }

    public static void CheckReplayable(this Property property, int maxTest = 100, [CallerMemberName] string name = "")
    {
        var (seed, gamma) = NextSeed();
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), FSharpOption<int>.None)));
        try
        {
            Check.One(name, config, property);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{name} failed; replay it with {SeedVariable}={seed},{gamma}\n{e.Message}");
        }
    }
}

public class PropertyCheckTests
{
    [Fact]
    public void A_failing_property_names_the_seed_that_replays_it()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Prop.ForAll(Gen.Choose(0, 100).ToArbitrary(), x => x < 5).CheckReplayable());
        Assert.Contains(PropertyCheck.SeedVariable + "=", e.Message);
        Assert.Contains("Falsifiable", e.Message);
    }
}
