namespace ParHub.Web.Data;

/// <summary>
/// An e-mail to send, written in the same transaction as the change it tells of (so no mail goes out for a change that
/// was rolled back, and none is lost for one that committed). <c>OutboxSender</c> sends it in the background, with
/// retries; a message that keeps failing is marked failed and shown to the Coordinator.
/// </summary>
public class OutboxMessage
{
    public int Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>While one process sends it, no other does.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
}
