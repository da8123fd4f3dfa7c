using System.Diagnostics;

namespace ParHub.E2E;

/// <summary>DOCX → PDF (LibreOffice, as the app's PDF button does) → PNG pages (pdftoppm), for a person to look at.</summary>
public static class OfficeRendering
{
    public static void RenderToPng(string docx, string pngPrefix)
    {
        var lo = new[] { "/usr/bin/libreoffice", "/usr/bin/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(lo is not null && File.Exists("/usr/bin/pdftoppm"), "libreoffice-writer-nogui and poppler-utils are needed (./test installs them)");
        var dir = Path.GetDirectoryName(docx)!;
        Run(lo!, "--headless", "--norestore", $"-env:UserInstallation=file://{Path.Combine(Path.GetTempPath(), "parhub-lo-e2e")}", "--convert-to", "pdf",
            "--outdir", dir, docx);
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), "LibreOffice made no PDF");
        Run("/usr/bin/pdftoppm", "-png", "-r", "60", pdf, Path.Combine(dir, pngPrefix));
        Assert.NotEmpty(Directory.GetFiles(dir, pngPrefix + "-*.png"));
    }

    private static void Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException(program); }
    }
}
