namespace ParHub.Core.Tthc;

/// <summary>
/// The service index of a tally under a configuration: each indicator's rate in percent (null when its denominator is
/// 0), its points, the total, the maximum of the indicators that have a rate, the index and its band. Unrounded.
/// </summary>
public sealed record ServiceIndexScore(IReadOnlyDictionary<string, decimal?> Rates, IReadOnlyDictionary<string, decimal?> Points,
    decimal Total, decimal ApplicableMax, decimal? Index, string? Band);

/// <summary>Scoring a <see cref="DossierTally"/> by a <see cref="ServiceIndexConfig"/> (issue 14, §3). Pure and unrounded.</summary>
public static class ServiceIndex
{
    /// <summary>The agency code of the province's result: every dossier pooled.</summary>
    public const string Province = "*";

    public const string TienDo = "tien_do";
    public const string TrucTuyen = "truc_tuyen";
    public const string ThanhToan = "thanh_toan";
    public const string SoHoa = "so_hoa";
    public const string KetQuaDienTu = "ket_qua_dien_tu";
    public const string DongBo = "dong_bo";
    public const string HaiLong = "hai_long";

    /// <summary>The rates a tally gives, which an indicator may score.</summary>
    public static IReadOnlyList<string> RateCodes { get; } = [TienDo, TrucTuyen, ThanhToan, SoHoa, KetQuaDienTu, DongBo, HaiLong];

    /// <summary>
    /// A rate in percent, 100 × numerator ÷ denominator, null when the denominator is 0: <c>tien_do</c> = (resolved on
    /// time + pending in time) ÷ in scope; <c>truc_tuyen</c> = received online ÷ received; <c>thanh_toan</c> = fee-bearing
    /// paid online ÷ fee-bearing received; <c>so_hoa</c> = digitised ÷ received; <c>ket_qua_dien_tu</c> = electronic
    /// result ÷ resolved; <c>dong_bo</c> = synced ÷ received; <c>hai_long</c> = resolved neither dissatisfied nor late ÷ resolved.
    /// </summary>
    public static decimal? Rate(DossierTally t, string code) => code switch
    {
        TienDo => Percent(t.ResolvedOnTime + t.PendingInTime, t.InScope),
        TrucTuyen => Percent(t.ReceivedOnline, t.Received),
        ThanhToan => Percent(t.FeeBearingPaidOnline, t.FeeBearingReceived),
        SoHoa => Percent(t.ReceivedDigitised, t.Received),
        KetQuaDienTu => Percent(t.ResolvedElectronic, t.Resolved),
        DongBo => Percent(t.ReceivedSynced, t.Received),
        HaiLong => Percent(t.ResolvedSatisfied, t.Resolved),
        _ => throw new ArgumentException($"Không có tỉ lệ “{code}”.", nameof(code)),
    };

    private static decimal? Percent(long numerator, long denominator) => denominator == 0 ? null : 100m * numerator / denominator;

    /// <summary>
    /// Points = max × min(1, rate ÷ target), or max × rate ÷ 100 without a target; a null rate gives null points and
    /// its max is left out of the applicable max; index = 100 × total ÷ applicable max (null when that is 0).
    /// A configuration with problems is an <see cref="ArgumentException"/>.
    /// </summary>
    public static ServiceIndexScore Score(DossierTally tally, ServiceIndexConfig config)
    {
        var problems = config.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        var rates = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var points = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        decimal total = 0, applicableMax = 0;
        foreach (var indicator in config.Indicators)
        {
            var rate = Rate(tally, indicator.Code);
            var p = Points(rate, indicator);
            rates[indicator.Code] = rate;
            points[indicator.Code] = p;
            if (p is { } value)
            {
                total += value;
                applicableMax += indicator.Max;
            }
        }
        decimal? index = applicableMax == 0 ? null : 100m * total / applicableMax;
        return new ServiceIndexScore(rates, points, total, applicableMax, index, config.Band(index));
    }

    /// <summary>An indicator's points for a rate; null for a null rate.</summary>
    public static decimal? Points(decimal? rate, ServiceIndicator indicator) => rate switch
    {
        null => null,
        { } r when indicator.Target is { } target => r >= target ? indicator.Max : indicator.Max * r / target,
        { } r => indicator.Max * r / 100m,
    };

    /// <summary>A figure as shown: 2 decimals, half away from zero (as SIPAS shows its shares).</summary>
    public static decimal? Round2(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
