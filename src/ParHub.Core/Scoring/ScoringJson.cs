using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParHub.Core.Scoring;

/// <summary>
/// The JSON of <c>./parhub scoring compute</c>:
/// <c>{"framework":{"code","title","bands":[{"name","min"}],"bonusCap","penaltyCap","nodes":[{"code","title","max","rule":{"type",…}}]},
/// "agencies":[{"id","name","group","inputs":{code: value},"exempt":[codes],"appraised":{code: points},"bonus","penalty"}]}</c>.
/// Inputs: binary true/false, options a name, rates <c>{"num","den"}</c>, counts, survey and manual a number.
/// </summary>
public static class ScoringJson
{
    /// <summary>Reads the input; a problem is a <see cref="FormatException"/> whose message says where.</summary>
    public static (Framework Framework, List<AgencyScoring> Agencies, Dictionary<string, JsonNode?> Ids) Parse(string json)
    {
        JsonNode root;
        try { root = JsonNode.Parse(json) ?? throw new FormatException("Tệp rỗng."); }
        catch (JsonException e) { throw new FormatException($"JSON không hợp lệ: {e.Message}"); }
        var f = root["framework"] as JsonObject ?? throw new FormatException("Thiếu \"framework\".");
        var nodes = (f["nodes"] as JsonArray ?? throw new FormatException("Thiếu \"framework.nodes\"."))
            .Select((n, i) => Node(n as JsonObject ?? throw new FormatException($"nodes[{i}] không phải đối tượng."), i)).ToList();
        var bands = (f["bands"] as JsonArray ?? [])
            .Select(b => new Band(Str(b, "name") ?? "", Dec(b?["min"], "bands.min") ?? 0)).ToList();
        var framework = new Framework(Str(f, "code") ?? "", Str(f, "title") ?? "", bands,
            Dec(f["bonusCap"], "bonusCap") ?? 0, Dec(f["penaltyCap"], "penaltyCap") ?? 0, nodes);
        var list = root["agencies"] as JsonArray ?? throw new FormatException("Thiếu \"agencies\".");
        var agencies = list.Select((a, i) => Agency(a as JsonObject ?? throw new FormatException($"agencies[{i}] không phải đối tượng."), i)).ToList();
        var dup = agencies.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new FormatException($"Mã cơ quan \"{dup.Key}\" bị trùng.");
        // Ids are printed back as they were given (a number stays a number).
        var ids = list.ToDictionary(a => a!["id"]!.ToString(), a => (JsonNode?)a!["id"]!.DeepClone());
        return (framework, agencies, ids);
    }

    private static FrameworkNode Node(JsonObject n, int i)
    {
        var code = Str(n, "code") ?? throw new FormatException($"nodes[{i}] thiếu \"code\".");
        ScoringRule? rule = null;
        if (n["rule"] is JsonObject r)
        {
            var type = Str(r, "type") ?? throw new FormatException($"{code}: rule thiếu \"type\".");
            if (!ScoringRule.Types.Contains(type))
                throw new FormatException($"{code}: cách chấm \"{type}\" không có ({string.Join(", ", ScoringRule.Types)}).");
            var options = (r["options"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => Dec(kv.Value, $"{code}.options") ?? 0);
            rule = new ScoringRule(type, options, Steps(r["bands"], code), Steps(r["steps"], code));
        }
        var groups = (n["groups"] as JsonArray)?.Select(g => g?.ToString() ?? "").Where(g => g.Length > 0).ToList();
        return new FrameworkNode(code, Str(n, "title") ?? "", Dec(n["max"], $"{code}.max"), rule, Str(n, "evidence"), Str(n, "source"),
            groups is { Count: > 0 } ? groups : null);
    }

    private static List<Step>? Steps(JsonNode? node, string code) => (node as JsonArray)?
        .Select(s => new Step(Dec(s?["min"], $"{code}.min") ?? 0, Dec(s?["points"], $"{code}.points") ?? 0)).ToList();

    private static AgencyScoring Agency(JsonObject a, int i)
    {
        var id = a["id"] is JsonValue v ? v.ToString() : throw new FormatException($"agencies[{i}] thiếu \"id\".");
        var inputs = new Dictionary<string, ScoreInput>();
        if (a["inputs"] is JsonObject ins)
            foreach (var (code, value) in ins)
                if (Input(value, $"{id}.{code}") is { } input) inputs[code] = input;
        var exempt = (a["exempt"] as JsonArray)?.Select(e => e?.ToString() ?? "").ToList();
        var appraised = (a["appraised"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => Dec(kv.Value, $"{id}.appraised") ?? 0);
        return new AgencyScoring(id, Str(a, "name"), Str(a, "group"), inputs, exempt, appraised,
            Dec(a["bonus"], $"{id}.bonus") ?? 0, Dec(a["penalty"], $"{id}.penalty") ?? 0);
    }

    private static ScoreInput? Input(JsonNode? value, string where) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.True => ScoreInput.Yes(true),
        JsonValueKind.False => ScoreInput.Yes(false),
        JsonValueKind.String => ScoreInput.Named(value.GetValue<string>()),
        JsonValueKind.Number => ScoreInput.Of(value.GetValue<decimal>()),
        JsonValueKind.Object => new ScoreInput(Num: Dec(value["num"], where + ".num"), Den: Dec(value["den"], where + ".den")),
        _ => throw new FormatException($"{where}: giá trị không đọc được."),
    };

    private static string? Str(JsonNode? n, string key) => n?[key] is JsonValue v ? v.ToString() : null;

    private static decimal? Dec(JsonNode? n, string where)
    {
        if (n is null || n.GetValueKind() == JsonValueKind.Null) return null;
        if (n.GetValueKind() == JsonValueKind.Number) return n.GetValue<decimal>();
        throw new FormatException($"{where}: cần một số.");
    }

    /// <summary>The printed result: points and index rounded to 2 decimals (half away from zero), per agency in input order.</summary>
    public static string Write(IReadOnlyList<AgencyResult> results, IReadOnlyDictionary<string, JsonNode?>? ids = null) =>
        new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = ids is not null && ids.TryGetValue(r.Id, out var raw) ? raw?.DeepClone() : r.Id,
            ["points"] = ScoringEngine.Round(r.Points),
            ["applicableMax"] = ScoringEngine.Round(r.ApplicableMax),
            ["index"] = ScoringEngine.Round(r.Index),
            ["band"] = r.Band,
            ["rank"] = r.Rank,
        }).ToArray()).ToJsonString(Printed);

    private static readonly JsonSerializerOptions Printed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
