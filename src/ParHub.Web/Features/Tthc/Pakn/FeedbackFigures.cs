using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>One agency's feedback figures over a period (the province's when <see cref="AgencyId"/> is null).</summary>
public sealed record AgencyFeedback(int? AgencyId, string Code, string Name, FeedbackTally Tally);

/// <summary>
/// The feedback (PAKN) figures computed by the database: one <c>GROUP BY</c> agency of <c>SUM(CASE …)</c> over the items
/// in scope (the conditions of <see cref="FeedbackTally"/>), never loading items; the province is the sum.
/// </summary>
public sealed class FeedbackFigures(ParHubDbContext db)
{
    /// <summary>The default target of the on-time and satisfaction rates, in percent (ParHub's constant; no official figure found).</summary>
    public const decimal Target = 90m;

    /// <summary>Per agency (those with items in scope, or only <paramref name="agencyId"/>) and then the province.</summary>
    public async Task<(IReadOnlyList<AgencyFeedback> Agencies, AgencyFeedback Province)> ComputeAsync(DateOnly from, DateOnly to, int? agencyId = null,
        CancellationToken ct = default)
    {
        var inScope = InScope(db.Feedback.AsNoTracking(), from, to);
        if (agencyId is { } only) inScope = inScope.Where(f => f.AgencyId == only);
        var rows = await inScope.GroupBy(f => f.AgencyId).Select(g => new
        {
            AgencyId = g.Key,
            Received = g.Sum(f => f.Received >= from ? 1 : 0),
            Carried = g.Sum(f => f.Received < from ? 1 : 0),
            Answered = g.Sum(f => f.Answered != null && f.Answered <= to ? 1 : 0),
            OnTime = g.Sum(f => f.Answered != null && f.Answered <= to && f.Answered <= f.Due ? 1 : 0),
            Pending = g.Sum(f => f.Answered == null || f.Answered > to ? 1 : 0),
            Overdue = g.Sum(f => (f.Answered == null || f.Answered > to) && f.Due < to ? 1 : 0),
            Published = g.Sum(f => f.Answered != null && f.Answered <= to && f.Published ? 1 : 0),
            Rated = g.Sum(f => f.Answered != null && f.Answered <= to && f.Rating != FeedbackRating.None ? 1 : 0),
            Satisfied = g.Sum(f => f.Answered != null && f.Answered <= to && f.Rating == FeedbackRating.Satisfied ? 1 : 0),
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var agencies = rows.Select(r =>
        {
            var a = names.GetValueOrDefault(r.AgencyId);
            return new AgencyFeedback(r.AgencyId, a?.Code ?? "?", a?.Name ?? "?",
                new FeedbackTally(r.Received, r.Carried, r.Answered, r.OnTime, r.Pending, r.Overdue, r.Published, r.Rated, r.Satisfied));
        }).OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        var total = agencies.Aggregate(default(FeedbackTally), (t, a) => t + a.Tally);
        return (agencies, new AgencyFeedback(null, ServiceIndex.Province, "Toàn tỉnh", total));
    }

    /// <summary>The items in scope of [from, to]: received by its end and not answered before its start (<see cref="FeedbackTally"/>).</summary>
    public static IQueryable<FeedbackRecord> InScope(IQueryable<FeedbackRecord> items, DateOnly from, DateOnly to) =>
        items.Where(f => f.Received <= to && !(f.Received < from && f.Answered != null && f.Answered < from));
}

/// <summary>
/// Who reads and writes feedback: reading as the dossiers' figures (<see cref="TthcAccess"/>); entering an item or
/// marking it answered — the Admin and the Coordinator for any agency, an agency's officer for their own; importing a
/// file — the Admin and the Coordinator.
/// </summary>
public static class FeedbackAccess
{
    public static bool ProvinceWriter(ICurrentUser user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    /// <summary>Whether the user may enter or answer items of the agency.</summary>
    public static bool CanWrite(ICurrentUser user, int agencyId) =>
        ProvinceWriter(user) || (user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == agencyId);

    /// <summary>Whether the user may enter items at all (for some agency).</summary>
    public static bool CanEnter(ICurrentUser user) => ProvinceWriter(user) || (user.IsInRole(Roles.AgencyOfficer) && user.AgencyId is not null);
}
