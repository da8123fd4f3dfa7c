using System.Diagnostics;

namespace ParHub.Web.Shared.Office;

/// <summary>
/// DOCX → PDF with LibreOffice (<c>libreoffice-writer-nogui</c>), when the server has it: the same Word document the
/// province downloads, so the PDF looks exactly like it. Each conversion uses its own profile folder and a time limit.
/// </summary>
public static class PdfConverter
{
    public static string? Program => new[] { "libreoffice", "soffice" }
        .SelectMany(p => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, p)))
        .FirstOrDefault(File.Exists);

    public static bool Available => Program is not null;

    public static async Task<byte[]> DocxToPdfAsync(byte[] docx, CancellationToken ct = default)
    {
        var program = Program ?? throw new InvalidOperationException("LibreOffice is not installed");
        var dir = Directory.CreateTempSubdirectory("parhub-pdf-").FullName;
        try
        {
            var input = Path.Combine(dir, "bao-cao.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var psi = new ProcessStartInfo(program, ["--headless", "--norestore", $"-env:UserInstallation=file://{dir}/profile",
                "--convert-to", "pdf", "--outdir", dir, input])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try { await p.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException("LibreOffice took longer than 90 s"); }
            var pdf = Path.Combine(dir, "bao-cao.pdf");
            if (!File.Exists(pdf)) throw new InvalidOperationException("LibreOffice made no PDF: " + await p.StandardError.ReadToEndAsync(ct));
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
