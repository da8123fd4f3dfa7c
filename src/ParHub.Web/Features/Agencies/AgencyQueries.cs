using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>The fields of an agency that a person edits (UI form, API body, XLSX row).</summary>
public sealed class AgencyInput
{
    public string Code { get; set; } = "";
    public AgencyKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Aliases { get; set; }
    public int? ParentId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<int>? GroupIds { get; set; }
}

public sealed record SearchHit(AgencyInfo Agency, int Score);

/// <summary>Reads the agency directory (a cached, immutable snapshot). Changes go through <see cref="SaveAgency"/>.</summary>
public sealed class AgencyQueries(ParHubDbContext db, AgencyDirectoryCache cache)
{

    /// <summary>Every agency (with its group memberships), in directory order: kind, then Vietnamese name order.</summary>
    public async Task<IReadOnlyList<AgencyInfo>> AllAsync(CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Entries.Select(e => e.Agency).ToList();

    public Task<AgencyDirectoryCache.Snapshot> DirectoryAsync(CancellationToken ct = default) => cache.GetAsync(db, ct);

    /// <summary>Agencies found by a typed query, best first; Vietnamese order within equal scores.</summary>
    public async Task<List<SearchHit>> SearchAsync(string query, int limit = 50, CancellationToken ct = default)
    {
        var words = VietnameseText.Words(query);
        if (words.Length == 0) return [];
        var directory = await cache.GetAsync(db, ct);
        return directory.Entries
            .Select(e => new SearchHit(e.Agency, AgencyMatcher.Score(words, e.Names)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Agency.ValidTo is null ? 0 : 1)
            .ThenBy(h => h.Agency.Name, VietnameseCollation.Comparer)
            .Take(limit)
            .ToList();
    }

    public static AgencyInput ToInput(Agency a) => new()
    {
        Code = a.Code, Kind = a.Kind, Name = a.Name, ShortName = a.ShortName, Aliases = a.Aliases,
        ParentId = a.ParentId, ValidFrom = a.ValidFrom, ValidTo = a.ValidTo, SuccessorId = a.SuccessorId,
        Address = a.Address, Phone = a.Phone, Email = a.Email, GroupIds = a.Groups.Select(g => g.GroupId).ToList(),
    };
}
