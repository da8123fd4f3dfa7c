using ParHub.Core.Scoring;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>
/// BNV's provincial PAR Index structure (Phụ lục 01 of its plan: 8 fields, every criterion and sub-criterion) for a
/// year, as a framework for the province's own self-assessment ("TINH"): the points and rules are the
/// administrator's to enter on the framework page; until then it cannot open a cycle.
/// </summary>
public sealed class AddBnvPreset(AddFramework add, IndexAccess access)
{
    public async Task<IndexFramework> RunAsync(int year, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await add.RunAsync(new AddFrameworkRequest(BnvPreset.Framework(year), year, IndexData.ProvinceGroup, Illustrative: false,
            AllowIncomplete: true), ct);
    }
}
