using NetArchTest.Rules;

namespace ParHub.Architecture.Tests;

/// <summary>The layering that docs/architecture.md describes, checked on the compiled assemblies.</summary>
public class LayerTests
{
    private static readonly System.Reflection.Assembly Core = typeof(ParHub.Core.Agencies.Agency).Assembly;
    private static readonly System.Reflection.Assembly Web = typeof(ParHub.Web.Data.ParHubDbContext).Assembly;

    private static void Holds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, rule + ": " + string.Join(", ", result.FailingTypeNames ?? []));

    [Fact]
    public void Core_knows_no_web_framework_database_or_office_library()
    {
        Holds(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql", "DocumentFormat.OpenXml",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging").GetResult(), "Core is pure");
    }

    [Fact]
    public void Core_does_no_file_or_network_io()
    {
        Holds(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
            "System.Net.Http", "System.Net.Sockets", "System.Net.Mail").GetResult(), "Core does no I/O");
    }

    [Fact]
    public void Only_the_application_shell_and_the_demo_itself_use_the_demo()
    {
        Holds(Types.InAssembly(Web)
            .That().DoNotResideInNamespace("ParHub.Web.Features.Demo")
            .And().DoNotResideInNamespace("ParHub.Web.App")
            .ShouldNot().HaveDependencyOn("ParHub.Web.Features.Demo").GetResult(), "the demo stays at the edge");
    }

    [Fact]
    public void The_data_layer_does_not_use_the_pages()
    {
        Holds(Types.InAssembly(Web).That().ResideInNamespace("ParHub.Web.Data")
            .ShouldNot().HaveDependencyOn("Microsoft.AspNetCore.Mvc.RazorPages").GetResult(), "Data knows no pages");
    }
}
