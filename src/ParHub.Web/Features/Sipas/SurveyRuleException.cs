namespace ParHub.Web.Features.Sipas;

/// <summary>A survey rule refused what was asked; the message is shown to the person as it is.</summary>
public sealed class SurveyRuleException(string message) : Exception(message);
