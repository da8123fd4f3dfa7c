using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Tthc;
using ParHub.Web.App;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// The service index configuration for the Coordinator: which indicators count, their maximum points and targets, the
/// bands; saved as a new version (the older ones listed, published indices keep theirs). Every problem shown at once.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ConfigModel(ServiceIndexConfigs configs, SaveServiceIndexConfig save) : PageModel
{
    public sealed class IndicatorRow
    {
        public string Code { get; set; } = "";
        public bool Use { get; set; }
        public string? Title { get; set; }
        public string? Max { get; set; }
        public string? Target { get; set; }
    }

    public sealed class BandRow
    {
        public string? Label { get; set; }
        public string? From { get; set; }
    }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int BasedOn { get; set; }
    [BindProperty] public List<IndicatorRow> Rows { get; set; } = [];
    [BindProperty] public List<BandRow> Bands { get; set; } = [];

    public ServiceIndexConfig Current { get; private set; } = ServiceIndexConfig.Default;
    public List<ServiceIndexConfigRecord> History { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int? Saved { get; private set; }

    /// <summary>Rows for the form: every rate there is, those of the configuration ticked with its values; bands and two empty ones.</summary>
    public async Task OnGetAsync(int? saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        Name = Current.Name;
        BasedOn = Current.Version;
        Rows = ServiceIndex.RateCodes.Select(code =>
        {
            var used = Current.Indicators.FirstOrDefault(i => i.Code == code);
            var fallback = ServiceIndexConfig.Default.Indicators.FirstOrDefault(i => i.Code == code);
            var shown = used ?? fallback;
            return new IndicatorRow { Code = code, Use = used is not null, Title = shown?.Title ?? code, Max = Show(shown?.Max), Target = Show(shown?.Target) };
        }).ToList();
        Bands = Current.Bands.Select(b => new BandRow { Label = b.Label, From = Show(b.From) }).Concat([new BandRow(), new BandRow()]).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var indicators = new List<ServiceIndicator>();
        foreach (var row in Rows.Where(r => r.Use).Take(ServiceIndex.RateCodes.Count))
        {
            var what = $"chỉ tiêu “{row.Title ?? row.Code}”";
            var max = Number(row.Max, $"Điểm tối đa của {what}", problems);
            var target = string.IsNullOrWhiteSpace(row.Target) ? null : Number(row.Target, $"Mục tiêu của {what}", problems);
            indicators.Add(new ServiceIndicator(row.Code, row.Title?.Trim() ?? "", max ?? 0, target));
        }
        var bands = new List<ServiceBand>();
        foreach (var band in Bands.Where(b => !string.IsNullOrWhiteSpace(b.Label) || !string.IsNullOrWhiteSpace(b.From)).Take(20))
            bands.Add(new ServiceBand(band.Label?.Trim() ?? "", Number(band.From, $"Ngưỡng của mức “{band.Label}”", problems) ?? -1));
        if (Name is { Length: > 200 }) problems.Add("Tên cấu hình không quá 200 ký tự.");
        if (problems.Count == 0)
        {
            var (refused, version) = await save.RunAsync(new ServiceIndexConfig(BasedOn, Name?.Trim() ?? "", indicators, bands), BasedOn, ct);
            if (version is { } v) return RedirectToPage(new { saved = v });
            problems.AddRange(refused);
        }
        Problems = problems;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await configs.CurrentAsync(ct);
        History = await configs.HistoryAsync(ct);
    }

    private static decimal? Number(string? text, string what, List<string> problems)
    {
        var t = text?.Trim().Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            && v is >= -1_000_000 and <= 1_000_000) return v;
        problems.Add(string.IsNullOrWhiteSpace(text) ? $"{what}: chưa nhập." : $"{what}: “{text}” không phải là số.");
        return null;
    }

    private static string? Show(decimal? v) => v?.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
