namespace ParHub.Core.Tthc;

/// <summary>
/// A dossier as ParHub stores it (table <c>dossiers</c>): one row per dossier code, updated in place when an export is
/// imported again. The agency is ParHub's; the rest is as the one-stop system exported it.
/// </summary>
public class DossierRecord
{
    public long Id { get; set; }
    public string Code { get; set; } = "";
    public int AgencyId { get; set; }
    public string ProcedureCode { get; set; } = "";
    public DossierChannel Channel { get; set; }
    public DateOnly Received { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? Resolved { get; set; }
    public bool FeeBearing { get; set; }
    public bool PaidOnline { get; set; }
    public bool Digitised { get; set; }
    public bool ElectronicResult { get; set; }
    public bool Synced { get; set; }
    public bool Apology { get; set; }
    public DossierRating Rating { get; set; }
    /// <summary>When the row was last written by an import.</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>The pure dossier, with the agency by its code.</summary>
    public Dossier ToDossier(string agencyCode) => new(Code, agencyCode, ProcedureCode, Channel, Received, Due, Resolved,
        FeeBearing, PaidOnline, Digitised, ElectronicResult, Synced, Apology, Rating);
}
