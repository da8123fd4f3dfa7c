namespace ParHub.Web.Tests.Infrastructure;

/// <summary>Finds the project's <c>shared/</c> folder (beside the repository) from the test's build output.</summary>
public static class SharedFiles
{
    public static string Path(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "shared", relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
