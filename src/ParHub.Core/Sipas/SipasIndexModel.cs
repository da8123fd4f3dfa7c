namespace ParHub.Core.Sipas;

/// <summary>
/// One filled-in form: the agency it rates, how it was collected (<c>channel</c>: trực tiếp, bưu điện, trực tuyến, …),
/// whether it passed cleaning (<see cref="Valid"/>), and its answers by item code (null: left blank).
/// </summary>
public sealed record SipasResponse(string Id, string Agency, string? Channel, IReadOnlyDictionary<string, decimal?> Answers, bool Valid = true);

/// <summary>
/// The index of one agency, or of the province (<see cref="SipasIndex.Province"/>): shares of satisfied answers in
/// percent, unrounded (<see cref="SipasIndex.Round"/> to show), null where nothing was counted; <see cref="N"/> valid forms.
/// </summary>
public sealed record SipasIndexResult(string Agency, int N, IReadOnlyDictionary<string, decimal?> Items,
    IReadOnlyDictionary<string, decimal?> Components, IReadOnlyDictionary<string, decimal?> Parts, decimal? Sipas);

/// <summary>
/// How far an agency's SIPAS can be trusted: the margin of error as a share (0.03 = ±3 percentage points; null without
/// a SIPAS) and whether it has fewer forms than the minimum sample ("chưa đủ mẫu").
/// </summary>
public sealed record SipasIndexPrecision(decimal? Margin, bool BelowMinimum);
