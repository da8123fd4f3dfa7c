namespace ParHub.Web.Data;

/// <summary>A named setting the province changes in the application (e.g. who leads the work on each PAR Index field).</summary>
public class Setting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
