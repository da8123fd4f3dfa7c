using System.Net;
using System.Net.Mail;

namespace ParHub.Web.Features.Notifications;

/// <summary>
/// SMTP settings from configuration: <c>PARHUB_SMTP_HOST</c> (unset: no e-mail, in-app notifications only),
/// <c>PARHUB_SMTP_PORT</c> (25), <c>PARHUB_SMTP_FROM</c>, <c>PARHUB_SMTP_SSL</c> (false), <c>PARHUB_SMTP_USER</c>,
/// <c>PARHUB_SMTP_PASSWORD</c>.
/// </summary>
public sealed class SmtpSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string From { get; init; } = "parhub@localhost";
    public bool Ssl { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings FromConfiguration(IConfiguration c) => new()
    {
        Host = c["PARHUB_SMTP_HOST"],
        Port = int.TryParse(c["PARHUB_SMTP_PORT"], out var p) ? p : 25,
        From = c["PARHUB_SMTP_FROM"] is { Length: > 0 } f ? f : "parhub@localhost",
        Ssl = string.Equals(c["PARHUB_SMTP_SSL"], "true", StringComparison.OrdinalIgnoreCase),
        User = c["PARHUB_SMTP_USER"],
        Password = c["PARHUB_SMTP_PASSWORD"],
    };
}

/// <summary>Sends plain-text Vietnamese mail over SMTP (System.Net.Mail).</summary>
public sealed class MailSender(SmtpSettings settings, ILogger<MailSender> log)
{
    public bool Enabled => settings.Enabled;

    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct = default) =>
        await TrySendAsync(to, subject, body, ct) is null;

    /// <summary>Sends one mail; null when it went, else what went wrong (the outbox keeps it and tries again).</summary>
    public async Task<string?> TrySendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        if (!settings.Enabled) return "Chưa cấu hình máy chủ thư (PARHUB_SMTP_HOST).";
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.Ssl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(settings.User)) client.Credentials = new NetworkCredential(settings.User, settings.Password);
        try
        {
            using var message = new MailMessage(settings.From, to, subject, body)
            {
                BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8,
            };
            await client.SendMailAsync(message, ct);
            return null;
        }
        catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            log.LogWarning(e, "Mail to {To} failed", to);
            return e.GetBaseException().Message;
        }
    }
}
