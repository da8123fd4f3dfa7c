namespace ParHub.Core.Tests;

/// <summary>
/// Finds a file the tests read: the copy in the repository's <c>tests/fixtures/</c> (so a fresh clone passes on its
/// own), else the project's <c>shared/</c> folder beside the repository.
/// </summary>
public static class SharedFiles
{
    public static string Path(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var fixture = System.IO.Path.Combine(d.FullName, "tests", "fixtures", relative);
            if (File.Exists(fixture) || Directory.Exists(fixture)) return fixture;
            var candidate = System.IO.Path.Combine(d.FullName, "shared", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
