using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ParHub.Architecture.Tests;

/// <summary>
/// Pages and API endpoints are adapters: they bind, call a use case and map its result. They never write through the
/// DbContext themselves (no SaveChanges, no Add/Remove on a DbSet or the context), so that every write is a use case
/// that commits its change and its audit line together. Checked on the IL, async state machines and lambdas included.
/// </summary>
public class AdapterTests
{
    private static readonly string WebPath = typeof(ParHub.Web.Data.ParHubDbContext).Assembly.Location;
    private static readonly HashSet<string> Writes = ["SaveChanges", "SaveChangesAsync", "Add", "AddAsync", "AddRange", "AddRangeAsync",
        "Remove", "RemoveRange", "Update", "UpdateRange", "Attach", "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync"];

    private static bool IsPageModel(TypeDefinition t)
    {
        for (var b = t.BaseType; b is not null; b = b.Resolve()?.BaseType)
            if (b.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel") return true;
        return false;
    }

    private static TypeDefinition Outermost(TypeDefinition t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }

    private static bool IsAdapter(TypeDefinition t) =>
        t.Namespace.StartsWith("ParHub.Web.Features", StringComparison.Ordinal)
        && (IsPageModel(t) || (t.IsAbstract && t.IsSealed && t.Name.EndsWith("Api", StringComparison.Ordinal)));

    private static bool IsDataWrite(MethodReference m)
    {
        if (!Writes.Contains(m.Name)) return false;
        var owner = m.DeclaringType.FullName;
        return owner.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
            || owner.StartsWith("ParHub.Web.Data.", StringComparison.Ordinal) && owner.Contains("DbContext", StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_model_or_endpoint_writes_through_the_DbContext()
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(WebPath)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        using var module = ModuleDefinition.ReadModule(WebPath, new ReaderParameters { AssemblyResolver = resolver });
        var adapters = module.GetTypes().Where(t => IsAdapter(Outermost(t))).ToList();
        Assert.True(adapters.Count > 30, $"expected the page models and endpoint classes, found {adapters.Count}");
        var offending = (
            from t in adapters
            from m in t.Methods
            where m.HasBody
            from i in m.Body.Instructions
            where (i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt) && i.Operand is MethodReference r && IsDataWrite(r)
            select $"{Outermost(t).FullName} calls {((MethodReference)i.Operand).DeclaringType.Name}.{((MethodReference)i.Operand).Name}")
            .Distinct().Order().ToList();
        Assert.True(offending.Count == 0, "adapters that write: " + string.Join("; ", offending));
    }

    [Fact]
    public void Every_use_case_is_registered_and_has_one_entry_point()
    {
        var useCases = ParHub.Web.App.UseCases.All;
        Assert.True(useCases.Count >= 5, $"found {useCases.Count} use cases");
        foreach (var t in useCases)
            Assert.True(t.GetMethods().Count(m => m.Name == "RunAsync") == 1, $"{t.Name} has more than one RunAsync");
    }
}
