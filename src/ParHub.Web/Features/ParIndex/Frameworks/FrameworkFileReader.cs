using ParHub.Core.Scoring;
using ParHub.Web.Features.Plans;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>An index framework's table from a DOCX, XLSX or text/Markdown file (legacy TCVN3/VNI text converted).</summary>
public static class FrameworkFileReader
{
    public static List<ExtractedNode> Read(string fileName, Stream content)
    {
        var nodes = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => FrameworkReader.Read(PlanFileReader.ReadDocxRows(content).Rows),
            ".xlsx" => FrameworkReader.Read(Xlsx.ReadFirstSheet(content).Select((cells, i) => new Core.Plans.TableRow(cells, i + 1))),
            ".txt" or ".md" or ".markdown" or "" => FrameworkReader.ReadText(Core.Text.LegacyVietnamese.Normalize(PlanFileReader.ReadText(content)).Text),
            _ => throw new UnreadableFileException(
                $"Không đọc được tệp “{Path.GetFileName(fileName)}”: chỉ nhận .docx, .xlsx, .txt hoặc .md."),
        };
        if (nodes.Count == 0)
            throw new UnreadableFileException("Không tìm thấy bảng tiêu chí (cần dòng tiêu đề có cột STT/Mã và Lĩnh vực/Tiêu chí).");
        return nodes;
    }

    /// <summary>
    /// A whole framework from a file: JSON (the <c>framework</c> object of <c>scoring compute</c>, or that object alone,
    /// as the JSON export writes it) or a table (.docx, .xlsx, .txt, .md; see <see cref="FrameworkTable"/>). The code and
    /// title given replace the file's. Problems are <see cref="FormatException"/> or <see cref="UnreadableFileException"/>.
    /// </summary>
    public static Framework ReadFramework(string fileName, Stream content, string? code, string? title)
    {
        Framework f;
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var text = new StreamReader(content).ReadToEnd();
            var wrapped = text.Contains("\"framework\"", StringComparison.Ordinal) ? text : $"{{\"framework\":{text},\"agencies\":[]}}";
            f = ScoringJson.Parse(wrapped).Framework;
        }
        else
        {
            var name = Path.GetFileNameWithoutExtension(fileName);
            f = FrameworkTable.Build(name, name, Read(fileName, content));
        }
        if (!string.IsNullOrWhiteSpace(code)) f = f with { Code = code.Trim() };
        if (!string.IsNullOrWhiteSpace(title)) f = f with { Title = title.Trim() };
        return f;
    }
}
