using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>Survey programmes the SIPAS tests start from, made through the Coordinator's own pages.</summary>
public static class SipasTestData
{
    /// <summary>A new programme of the first group with members, collecting now; and one agency it surveys.</summary>
    public static async Task<(int Programme, int Agency)> CollectingProgrammeAsync(this ParHubFactory app)
    {
        var coordinator = await app.SignInAsync("cchc");
        var group = await app.WithDbAsync(db => db.AgencyGroups.Where(g => g.Members.Any()).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var title = $"Khảo sát SIPAS {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = "2026", ["Input.Title"] = title, ["Input.FieldworkFrom"] = "2026-01-05", ["Input.FieldworkTo"] = "2026-02-15",
            ["Input.MarginPercent"] = "5", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "30", ["Input.GroupIds"] = group.ToString(),
        }, "/Sipas")).StatusCode);
        var id = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Title == title).Select(x => x.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = id.ToString(), ["to"] = "Collecting", ["version"] = "0" }, "/Sipas")).StatusCode);
        var agency = await app.WithDbAsync(db => db.AgencyGroups.Where(g => g.Id == group).SelectMany(g => g.Members).Select(m => m.AgencyId).FirstAsync());
        return (id, agency);
    }
}
