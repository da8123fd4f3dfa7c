using System.Globalization;
using System.Text.RegularExpressions;

namespace ParHub.Core.Sipas;

/// <summary>
/// An item as the editor saves it: <see cref="OriginalCode"/> is the code it had (null for a new item),
/// <see cref="Component"/> the component it goes to, <see cref="Order"/> its position there from 1 (null: where it was, or last).
/// </summary>
public sealed record ItemEdit(string? OriginalCode, string Component, string Code, string Text, ItemType Type, IReadOnlyList<string>? Options,
    bool Required, string? ShowIf, int? Order = null);

/// <summary>An edit the questionnaire's rules refuse, with every reason (in Vietnamese).</summary>
public sealed class SurveyEditException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems => problems;
}

/// <summary>
/// The rules of editing a questionnaire. Codes are stable: once an item has answers (<c>answered</c>), its code and its
/// type cannot change and its choices cannot shrink — rewording keeps the code; deleting it only hides it. Every result
/// is checked as a whole: unique codes, conditions ("8.c=1") on an earlier item that is asked and has that choice, the
/// index parts' items on the questionnaire's scale.
/// </summary>
public static partial class SurveyEditor
{
    public const int MaxCode = 32;
    public const int MaxText = 1000;
    public const int MaxOptions = 30;
    public const int MaxOption = 200;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();

    public static string TypeName(ItemType t) => t switch
    {
        ItemType.Scale5 => "Thang 5 mức",
        ItemType.Scale4 => "Thang 4 mức",
        ItemType.OneChoice => "Chọn một",
        ItemType.ManyChoices => "Chọn nhiều",
        ItemType.YesNo => "Có/Không",
        _ => "Trả lời ngắn",
    };

    /// <summary>Adds or changes one item (its text, type, choices, required, condition, place).</summary>
    public static SurveyDefinition SaveItem(SurveyDefinition d, ItemEdit edit, IReadOnlySet<string> answered)
    {
        var code = (edit.Code ?? "").Trim();
        var errors = new List<string>();
        var sections = Mutable(d);
        var target = sections.SelectMany(s => s.Components).FirstOrDefault(c => c.Code == edit.Component);
        if (target is null) throw new SurveyEditException(["Chọn nhóm câu hỏi (thành phần) để đặt câu hỏi vào."]);
        SurveyItem? old = null;
        MutableComponent? from = null;
        var at = -1;
        if (edit.OriginalCode is { } original)
        {
            from = sections.SelectMany(s => s.Components).FirstOrDefault(c => c.Items.Any(i => i.Code == original))
                ?? throw new SurveyEditException([$"Không tìm thấy câu {original} trong bảng hỏi."]);
            at = from.Items.FindIndex(i => i.Code == original);
            old = from.Items[at];
            if (answered.Contains(original))
            {
                if (code != original) errors.Add($"Câu {original} đã có câu trả lời: giữ nguyên mã câu (chỉ sửa nội dung, thứ tự).");
                if (edit.Type != old.Type)
                    errors.Add($"Câu {original} đã có câu trả lời: không đổi loại câu hỏi được (thêm câu mới với mã mới).");
                else if (Options(edit.Type, edit.Options)?.Count < old.Options?.Count)
                    errors.Add($"Câu {original} đã có câu trả lời: không bớt lựa chọn được (chỉ sửa lời hoặc thêm vào cuối).");
            }
        }
        if (code != edit.OriginalCode && answered.Contains(code))
            errors.Add($"Mã {code} là của một câu đã có câu trả lời; chọn mã khác.");
        if (errors.Count > 0) throw new SurveyEditException(errors);
        var item = new SurveyItem(code, (edit.Text ?? "").Trim(), edit.Type, Options(edit.Type, edit.Options), edit.Required,
            string.IsNullOrWhiteSpace(edit.ShowIf) ? null : edit.ShowIf.Replace(" ", "", StringComparison.Ordinal), old?.Hidden ?? false);
        from?.Items.RemoveAt(at);
        var position = edit.Order is { } o ? o - 1 : ReferenceEquals(from, target) ? at : target.Items.Count;
        target.Items.Insert(Math.Clamp(position, 0, target.Items.Count), item);
        // A renamed (unanswered) item: the conditions that named it follow it.
        if (old is not null && old.Code != code) Rename(sections, old.Code, code);
        return Checked(d, sections);
    }

    /// <summary>Deletes an item: removed if nobody answered it, otherwise only hidden (its code and answers stay).</summary>
    public static SurveyDefinition DeleteItem(SurveyDefinition d, string code, IReadOnlySet<string> answered)
    {
        var sections = Mutable(d);
        var component = sections.SelectMany(s => s.Components).FirstOrDefault(c => c.Items.Any(i => i.Code == code))
            ?? throw new SurveyEditException([$"Không tìm thấy câu {code} trong bảng hỏi."]);
        var at = component.Items.FindIndex(i => i.Code == code);
        if (answered.Contains(code)) component.Items[at] = component.Items[at] with { Hidden = true, Required = false };
        else component.Items.RemoveAt(at);
        return Checked(d, sections);
    }

    /// <summary>Adds a component to a section, or changes its title (a component's code does not change).</summary>
    public static SurveyDefinition SaveComponent(SurveyDefinition d, string section, string? originalCode, string code, string title)
    {
        var sections = Mutable(d);
        var s = sections.FirstOrDefault(x => x.Code == section) ?? throw new SurveyEditException(["Không tìm thấy phần này của bảng hỏi."]);
        if (originalCode is not null)
        {
            var c = sections.SelectMany(x => x.Components).FirstOrDefault(x => x.Code == originalCode)
                ?? throw new SurveyEditException([$"Không tìm thấy nhóm câu hỏi {originalCode}."]);
            c.Title = (title ?? "").Trim();
        }
        else s.Components.Add(new MutableComponent((code ?? "").Trim(), (title ?? "").Trim(), []));
        return Checked(d, sections);
    }

    /// <summary>Adds a section (a page of the form) or changes its title, whether it is an index part, its condition.</summary>
    public static SurveyDefinition SaveSection(SurveyDefinition d, string? originalCode, string code, string title, bool isIndexPart, string? showIf)
    {
        var sections = Mutable(d);
        var condition = string.IsNullOrWhiteSpace(showIf) ? null : showIf.Replace(" ", "", StringComparison.Ordinal);
        if (originalCode is not null)
        {
            var s = sections.FirstOrDefault(x => x.Code == originalCode) ?? throw new SurveyEditException(["Không tìm thấy phần này của bảng hỏi."]);
            (s.Title, s.IsIndexPart, s.ShowIf) = ((title ?? "").Trim(), isIndexPart, condition);
        }
        else sections.Add(new MutableSection((code ?? "").Trim(), (title ?? "").Trim(), [], isIndexPart, condition));
        return Checked(d, sections);
    }

    /// <summary>Everything wrong with a questionnaire, in Vietnamese; empty when it can be used.</summary>
    public static List<string> Problems(SurveyDefinition d)
    {
        var errors = new List<string>();
        var indexType = d.Scale == 4 ? ItemType.Scale4 : ItemType.Scale5;
        void Code(string kind, string code)
        {
            if (code.Length == 0) errors.Add($"Mã {kind} không được để trống.");
            else if (code.Length > MaxCode || !CodePattern().IsMatch(code))
                errors.Add($"Mã {kind} “{code}”: tối đa {MaxCode} ký tự, chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới.");
        }
        foreach (var dup in d.Sections.GroupBy(s => s.Code).Where(g => g.Count() > 1)) errors.Add($"Mã phần “{dup.Key}” bị trùng.");
        foreach (var dup in d.Sections.SelectMany(s => s.Components).GroupBy(c => c.Code).Where(g => g.Count() > 1))
            errors.Add($"Mã nhóm câu hỏi “{dup.Key}” bị trùng.");
        foreach (var dup in d.Items.GroupBy(i => i.Code).Where(g => g.Count() > 1)) errors.Add($"Mã câu “{dup.Key}” bị trùng.");
        var earlier = new Dictionary<string, SurveyItem>(StringComparer.Ordinal);
        foreach (var s in d.Sections)
        {
            Code("phần", s.Code);
            if (s.Title.Length == 0) errors.Add($"Phần {s.Code}: vui lòng nhập tiêu đề.");
            if (s.ShowIf is not null && Condition(s.ShowIf, earlier) is { } bad) errors.Add($"Phần {s.Code}: {bad}");
            foreach (var c in s.Components)
            {
                Code("nhóm câu hỏi", c.Code);
                if (c.Title.Length == 0) errors.Add($"Nhóm {c.Code}: vui lòng nhập tiêu đề.");
                foreach (var i in c.Items)
                {
                    Code("câu", i.Code);
                    var name = $"Câu {i.Code}";
                    if (i.Text.Length == 0) errors.Add($"{name}: vui lòng nhập nội dung câu hỏi.");
                    else if (i.Text.Length > MaxText) errors.Add($"{name}: nội dung tối đa {MaxText} ký tự.");
                    if (i.Type is ItemType.OneChoice or ItemType.ManyChoices && (i.Options?.Count ?? 0) < 2)
                        errors.Add($"{name}: câu chọn cần ít nhất 2 lựa chọn.");
                    if (i.Type == ItemType.Scale4 && i.Options is { } four && four.Count != 4) errors.Add($"{name}: thang 4 mức cần đúng 4 mức.");
                    if (i.Options is { } options && (options.Count > MaxOptions || options.Any(o => o.Trim().Length is 0 or > MaxOption)))
                        errors.Add($"{name}: tối đa {MaxOptions} lựa chọn, mỗi lựa chọn từ 1 đến {MaxOption} ký tự.");
                    if (s.IsIndexPart && i.Type != indexType)
                        errors.Add($"{name}: thuộc phần tính chỉ số hài lòng nên phải là {TypeName(indexType).ToLowerInvariant()}.");
                    if (i.ShowIf is not null && !i.Hidden && Condition(i.ShowIf, earlier) is { } why) errors.Add($"{name}: {why}");
                    earlier[i.Code] = i;
                }
            }
        }
        return errors;
    }

    /// <summary>What is wrong with a condition "code=value" given the items before it, or null.</summary>
    private static string? Condition(string showIf, IReadOnlyDictionary<string, SurveyItem> earlier)
    {
        var eq = showIf.IndexOf('=');
        if (eq <= 0) return $"điều kiện “{showIf}” phải có dạng mã câu=lựa chọn, ví dụ 8.c=1.";
        var code = showIf[..eq];
        if (!earlier.TryGetValue(code, out var on)) return $"điều kiện “{showIf}”: câu {code} phải có trước câu này trong bảng hỏi.";
        if (on.Hidden) return $"điều kiện “{showIf}”: câu {code} đã bị xóa.";
        if (on.Type == ItemType.Text) return $"điều kiện “{showIf}”: câu {code} là câu trả lời ngắn, không làm điều kiện được.";
        var ok = int.TryParse(showIf[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= on.Choices.Count;
        return ok ? null : $"điều kiện “{showIf}”: câu {code} chỉ có lựa chọn từ 1 đến {on.Choices.Count}.";
    }

    /// <summary>Choices as stored: trimmed lines for choice items and a worded 4-level scale, none for the others.</summary>
    private static List<string>? Options(ItemType type, IReadOnlyList<string>? options)
    {
        var lines = options?.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        return type is ItemType.OneChoice or ItemType.ManyChoices || (type == ItemType.Scale4 && lines is { Count: > 0 }) ? lines ?? [] : null;
    }

    private static void Rename(List<MutableSection> sections, string from, string to)
    {
        foreach (var s in sections)
        {
            if (s.ShowIf?.StartsWith(from + "=", StringComparison.Ordinal) == true) s.ShowIf = to + s.ShowIf[from.Length..];
            foreach (var c in s.Components)
                for (var i = 0; i < c.Items.Count; i++)
                    if (c.Items[i].ShowIf?.StartsWith(from + "=", StringComparison.Ordinal) == true)
                        c.Items[i] = c.Items[i] with { ShowIf = to + c.Items[i].ShowIf![from.Length..] };
        }
    }

    private static SurveyDefinition Checked(SurveyDefinition d, List<MutableSection> sections)
    {
        var result = d with
        {
            Sections = sections.Select(s => new SurveySection(s.Code, s.Title,
                s.Components.Select(c => new SurveyComponent(c.Code, c.Title, c.Items.ToList())).ToList(), s.IsIndexPart, s.ShowIf)).ToList(),
        };
        var problems = Problems(result);
        if (problems.Count > 0) throw new SurveyEditException(problems);
        return result;
    }

    private static List<MutableSection> Mutable(SurveyDefinition d) => d.Sections.Select(s => new MutableSection(s.Code, s.Title,
        s.Components.Select(c => new MutableComponent(c.Code, c.Title, c.Items.ToList())).ToList(), s.IsIndexPart, s.ShowIf)).ToList();

    private sealed class MutableSection(string code, string title, List<MutableComponent> components, bool isIndexPart, string? showIf)
    {
        public string Code { get; } = code;
        public string Title { get; set; } = title;
        public List<MutableComponent> Components { get; } = components;
        public bool IsIndexPart { get; set; } = isIndexPart;
        public string? ShowIf { get; set; } = showIf;
    }

    private sealed class MutableComponent(string code, string title, List<SurveyItem> items)
    {
        public string Code { get; } = code;
        public string Title { get; set; } = title;
        public List<SurveyItem> Items { get; } = items;
    }
}
