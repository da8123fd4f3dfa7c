using System.Globalization;
using DocumentFormat.OpenXml.Packaging;

namespace ParHub.Web.Shared.Office;

/// <summary>
/// What one uploaded Office document may hold, in one place. The readers stream their XML (never a whole part's DOM)
/// and count as they go, so memory stays bounded whatever the file holds; going over a cap is an
/// <see cref="UnreadableFileException"/> with a Vietnamese message that every upload page shows as its own. The values
/// are generous: a plan of a few hundred pages, a directory of thousands of agencies or a framework of any size fit
/// many times over.
/// </summary>
public static class DocumentLimits
{
    /// <summary>Uncompressed size of one XML part (document.xml, a sheet, the shared strings, the styles).</summary>
    public const long MaxXmlPartBytes = 32L * 1024 * 1024;
    /// <summary>Uncompressed size of the package's own XML (relationships, content types), which is read whole.</summary>
    public const long MaxPackageXmlBytes = 2L * 1024 * 1024;
    /// <summary>Entries (parts, images…) of one archive.</summary>
    public const int MaxEntries = 10_000;
    /// <summary>Paragraphs of a Word document (in the body and in table cells).</summary>
    public const int MaxParagraphs = 250_000;
    /// <summary>Table rows of a Word document, or rows of a sheet.</summary>
    public const int MaxRows = 50_000;
    /// <summary>Cells (filled or padded to their column) of all tables or of a sheet.</summary>
    public const int MaxCells = 500_000;
    /// <summary>Entries of a workbook's shared-string table, and cell formats of its styles.</summary>
    public const int MaxSharedStrings = 500_000;
    /// <summary>Characters of text read from one document (paragraphs, cells, shared strings).</summary>
    public const long MaxCharacters = 10_000_000;

    /// <summary>Opening settings: no part is parsed past <see cref="MaxXmlPartBytes"/> characters, whatever its zip entry claims.</summary>
    public static OpenSettings OpenSettings => new() { MaxCharactersInPart = MaxXmlPartBytes };

    public static UnreadableFileException TooMuch(string what) =>
        new($"Tệp có quá nhiều dữ liệu (hơn {what}); vui lòng tách thành nhiều tệp.");

    /// <summary>A count as Vietnamese write it: 50.000.</summary>
    public static string N(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>What one document may hold: <see cref="Default"/> for plans, tables and directories, <see cref="Bulk"/> for exports read as streams.</summary>
    public sealed record Caps(long XmlPartBytes, long UncompressedBytes, long Paragraphs, long Rows, long Cells, long SharedStrings, long Characters);

    public static Caps Default { get; } = new(MaxXmlPartBytes, Xlsx.MaxUncompressedBytes, MaxParagraphs, MaxRows, MaxCells, MaxSharedStrings, MaxCharacters);

    /// <summary>
    /// A bulk export (a year of dossiers): its sheet is streamed row by row and never held, so rows and cells are bounded
    /// only so that a read ends; what is held — the shared strings — stays within a few hundred MB.
    /// </summary>
    public static Caps Bulk { get; } = new(XmlPartBytes: 3L * 1024 * 1024 * 1024, UncompressedBytes: 4L * 1024 * 1024 * 1024,
        Paragraphs: 0, Rows: 5_000_000, Cells: 100_000_000, SharedStrings: 4_000_000, Characters: 2_000_000_000);

    /// <summary>Counts what a reader took from one document and refuses it at the first cap it passes.</summary>
    public sealed class Budget(Caps caps)
    {
        private long _paragraphs, _rows, _cells, _strings, _characters;

        public Budget() : this(Default) { }

        public void Paragraph() { if (++_paragraphs > caps.Paragraphs) throw TooMuch($"{N(caps.Paragraphs)} đoạn văn"); }
        public void Row() { if (++_rows > caps.Rows) throw TooMuch($"{N(caps.Rows)} dòng"); }
        public void Cells(long n) { if ((_cells += n) > caps.Cells) throw TooMuch($"{N(caps.Cells)} ô"); }
        public void SharedString() { if (++_strings > caps.SharedStrings) throw TooMuch($"{N(caps.SharedStrings)} chuỗi văn bản"); }

        public string Text(string text)
        {
            if ((_characters += text.Length) > caps.Characters) throw TooMuch($"{N(caps.Characters)} ký tự");
            return text;
        }
    }
}
