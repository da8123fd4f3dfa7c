namespace ParHub.Architecture.Tests;

/// <summary>Source conventions of .editorconfig that no compiler checks.</summary>
public class ConventionTests
{
    public const int MaxLineLength = 160;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParHub.slnx"))) return dir.FullName;
        throw new InvalidOperationException("ParHub.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        new[] { "src", "tests", "bench" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_line_of_code_or_razor_is_longer_than_160_characters()
    {
        var root = RepositoryRoot();
        var files = SourceFiles(root).ToList();
        Assert.True(files.Count > 100, $"found only {files.Count} source files under {root}");
        var tooLong = (
            from f in files
            from x in File.ReadLines(f).Select((line, i) => (Line: line, No: i + 1))
            where x.Line.Length > MaxLineLength
            select $"{Path.GetRelativePath(root, f)}:{x.No} ({x.Line.Length})").ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength}: " + string.Join(", ", tooLong.Take(30)));
    }

    // Today some pages showed UTC 09:31 beside Vietnam 16:32 for actions a minute apart: the server's own zone
    // (ToLocalTime, DateTime.Now/Today) is never Vietnam's on a server in UTC. Times go through VietnamTime.
    [Fact]
    public void No_source_reads_the_servers_own_time_zone()
    {
        var root = RepositoryRoot();
        var src = Path.Combine(root, "src") + Path.DirectorySeparatorChar;
        var found = (
            from f in SourceFiles(root).Where(f => f.StartsWith(src, StringComparison.Ordinal))
            from x in File.ReadLines(f).Select((line, i) => (Line: line, No: i + 1))
            where x.Line.Contains(".ToLocalTime()", StringComparison.Ordinal) || x.Line.Contains("DateTime.Now", StringComparison.Ordinal)
                || x.Line.Contains("DateTime.Today", StringComparison.Ordinal) || x.Line.Contains("DateTimeOffset.Now", StringComparison.Ordinal)
            select $"{Path.GetRelativePath(root, f)}:{x.No}").ToList();
        Assert.True(found.Count == 0, "server-local time in: " + string.Join(", ", found));
    }
}
