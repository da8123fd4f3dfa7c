using System.Diagnostics;
using System.Net.Sockets;

namespace ParHub.E2E;

/// <summary>A real local SMTP server (Debian's python3-aiosmtpd, debugging handler) whose output the tests read.</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly List<string> messageLines = []; // stdout alone: the log on stderr never interleaves with a message
    public int Port { get; }

    public SmtpSink()
    {
        using (var l = new TcpListener(System.Net.IPAddress.Loopback, 0)) { l.Start(); Port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; }
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python, ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) { lines.Add(e.Data); messageLines.Add(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("aiosmtpd exited (apt-get install python3-aiosmtpd): " + Output);
            try { using var c = new TcpClient("127.0.0.1", Port); break; }
            catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Sleep(100); }
        }
    }

    public string Output { get { lock (lines) return string.Join('\n', lines); } }

    /// <summary>The messages received so far, read as MIME (subjects and bodies decoded).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages
    {
        get
        {
            var found = new List<MimeKit.MimeMessage>();
            string text;
            lock (lines) text = string.Join('\n', messageLines);
            foreach (var part in text.Split("---------- MESSAGE FOLLOWS ----------").Skip(1))
            {
                var end = part.IndexOf("------------ END MESSAGE ------------", StringComparison.Ordinal);
                if (end < 0) continue; // still arriving
                var message = part[..end].TrimStart('\n');
                // The debugging handler prints "mail options: [...]" and a blank line before the headers of an 8BITMIME message.
                if (message.StartsWith("mail options:", StringComparison.Ordinal)) message = message[(message.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Replace("\n", "\r\n")));
                found.Add(MimeKit.MimeMessage.Load(stream));
            }
            return found;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
