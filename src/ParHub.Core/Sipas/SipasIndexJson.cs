using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParHub.Core.Sipas;

/// <summary>The questionnaire and the forms of one survey, as <c>./parhub sipas compute</c> reads them.</summary>
public sealed record SipasIndexInput(SipasQuestionnaireSpec Questionnaire, IReadOnlyList<SipasResponse> Responses);

/// <summary>
/// The JSON of <c>./parhub sipas compute</c>: <c>{"questionnaire":{"code","scale","satisfiedFrom","aggregation","parts":[{"code",
/// "title","components":[{"code","title","items":[codes]}]}]},"responses":[{"id","agency","channel","valid","answers":{item: value}}]}</c>
/// in; out an array of <c>{"agency","n","items":{code: %},"components":{…},"parts":{…},"sipas"}</c>, shares unrounded.
/// </summary>
public static class SipasIndexJson
{
    /// <summary>Reads the input; a problem is a <see cref="FormatException"/> whose Vietnamese message says where.</summary>
    public static SipasIndexInput Parse(string json)
    {
        JsonNode root;
        try { root = JsonNode.Parse(json) ?? throw new FormatException("Tệp rỗng."); }
        catch (JsonException e) { throw new FormatException($"JSON không hợp lệ: {e.Message}"); }
        if (root is not JsonObject) throw new FormatException("Tệp phải là một đối tượng JSON {\"questionnaire\":…,\"responses\":[…]}.");
        var spec = Questionnaire(root["questionnaire"] as JsonObject ?? throw new FormatException("Thiếu \"questionnaire\"."));
        var problems = spec.Problems();
        if (problems.Count > 0) throw new FormatException(string.Join(" ", problems));
        var list = root["responses"] as JsonArray ?? throw new FormatException("Thiếu \"responses\".");
        var responses = list
            .Select((r, i) => Response(r as JsonObject ?? throw new FormatException($"responses[{i}] không phải đối tượng."), i)).ToList();
        return new SipasIndexInput(spec, responses);
    }

    private static SipasQuestionnaireSpec Questionnaire(JsonObject q)
    {
        var aggregationName = Text(q["aggregation"], "questionnaire.aggregation") ?? "mean";
        var aggregation = SipasQuestionnaireSpec.ParseAggregation(aggregationName) ?? throw new FormatException(
            $"Cách tổng hợp \"{aggregationName}\" không có ({string.Join(", ", SipasQuestionnaireSpec.AggregationNames)}).");
        var scale = Int(q["scale"], "questionnaire.scale")
            ?? throw new FormatException("Thiếu \"questionnaire.scale\" (số mức của thang đo, ví dụ 5).");
        var parts = Array(q["parts"], "questionnaire.parts").Select((p, i) => Part(p, $"parts[{i}]")).ToList();
        return new SipasQuestionnaireSpec(Text(q["code"], "questionnaire.code") ?? "", scale, parts,
            Int(q["satisfiedFrom"], "questionnaire.satisfiedFrom") ?? 4, aggregation);
    }

    private static SipasPart Part(JsonNode? node, string where)
    {
        var p = node as JsonObject ?? throw new FormatException($"{where} không phải đối tượng.");
        var components = Array(p["components"], where + ".components").Select((c, i) => Component(c, $"{where}.components[{i}]")).ToList();
        return new SipasPart(Code(p, where), Text(p["title"], where + ".title") ?? "", components);
    }

    private static SipasComponent Component(JsonNode? node, string where)
    {
        var c = node as JsonObject ?? throw new FormatException($"{where} không phải đối tượng.");
        var items = Array(c["items"], where + ".items").Select((item, i) => Text(item, $"{where}.items[{i}]") is { Length: > 0 } code
            ? code : throw new FormatException($"{where}.items[{i}] thiếu mã câu hỏi.")).ToList();
        return new SipasComponent(Code(c, where), Text(c["title"], where + ".title") ?? "", items);
    }

    private static SipasResponse Response(JsonObject r, int i)
    {
        var where = $"responses[{i}]";
        var id = Text(r["id"], where + ".id") ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var agency = Text(r["agency"], where + ".agency") is { Length: > 0 } a ? a : throw new FormatException($"{where} (phiếu {id}) thiếu \"agency\".");
        if (agency == SipasIndex.Province) throw new FormatException($"{where} (phiếu {id}): mã cơ quan \"*\" dành cho toàn tỉnh.");
        var valid = r["valid"] switch
        {
            null => true,
            JsonValue v when v.GetValueKind() == JsonValueKind.Null => true,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw new FormatException($"{where} (phiếu {id}): \"valid\" phải là true hoặc false."),
        };
        var answers = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (r["answers"] is { } node)
            foreach (var (item, value) in node as JsonObject ?? throw new FormatException($"{where} (phiếu {id}): \"answers\" phải là đối tượng."))
                answers[item] = Answer(value, $"{where} (phiếu {id}), câu {item}");
        return new SipasResponse(id, agency, Text(r["channel"], where + ".channel"), answers, valid);
    }

    /// <summary>A number or null; a number beyond decimal's range is no level of any scale and is kept as null (not counted).</summary>
    private static decimal? Answer(JsonNode? value, string where) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.Number => value.AsValue().TryGetValue<decimal>(out var d) ? d : null,
        _ => throw new FormatException($"{where}: câu trả lời phải là một số hoặc null."),
    };

    private static string Code(JsonObject o, string where) =>
        Text(o["code"], where + ".code") is { Length: > 0 } code ? code : throw new FormatException($"{where} thiếu \"code\".");

    private static JsonArray Array(JsonNode? node, string where) => node switch
    {
        null => [],
        JsonArray a => a,
        _ => throw new FormatException($"\"{where}\" phải là một mảng."),
    };

    /// <summary>A string, or a number written as text (ids such as 17); null when absent.</summary>
    private static string? Text(JsonNode? n, string where) => n?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String or JsonValueKind.Number => n.ToString(),
        _ => throw new FormatException($"\"{where}\" phải là chuỗi."),
    };

    private static int? Int(JsonNode? n, string where)
    {
        if (n is null || n.GetValueKind() == JsonValueKind.Null) return null;
        if (n.GetValueKind() == JsonValueKind.Number && n.AsValue().TryGetValue<int>(out var i)) return i;
        throw new FormatException($"\"{where}\" phải là số nguyên.");
    }

    /// <summary>One object per result, in the order given; items, components and parts in questionnaire order.</summary>
    public static string Write(SipasQuestionnaireSpec spec, IReadOnlyList<SipasIndexResult> results) =>
        new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["agency"] = r.Agency,
            ["n"] = r.N,
            ["items"] = Shares(spec.Items, r.Items),
            ["components"] = Shares(spec.Components.Select(c => c.Code), r.Components),
            ["parts"] = Shares(spec.Parts.Select(p => p.Code), r.Parts),
            ["sipas"] = r.Sipas,
        }).ToArray()).ToJsonString(Printed);

    private static JsonObject Shares(IEnumerable<string> codes, IReadOnlyDictionary<string, decimal?> shares)
    {
        var o = new JsonObject();
        foreach (var code in codes) o[code] = shares[code];
        return o;
    }

    private static readonly JsonSerializerOptions Printed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
