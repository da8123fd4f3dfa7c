using System.Text;
using ParHub.Core.Plans;
using ParHub.Web.Features.Plans;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParHub.Web.Tests;

/// <summary>
/// Generated inputs against the plan readers and the time-frame parser: no crash (only the documented
/// <see cref="UnreadableFileException"/>), no hang (each input is bounded), nothing written (readers never touch the
/// database; the importer writes only on confirm, in one transaction). Seeds are fixed, so a failure reproduces.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly string Seed = File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt"));

    private static T Bounded<T>(Func<T> f, string what)
    {
        var task = Task.Run(f);
        if (!task.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("no answer within 10 s for " + what);
        return task.Result;
    }

    private static string Mutate(Random rng, string text)
    {
        var lines = text.Split('\n').ToList();
        var edits = rng.Next(1, 12);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var i = rng.Next(lines.Count);
            switch (rng.Next(7))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[rng.Next(lines.Count)]); break;
                case 2: lines[i] = string.Join('\t', lines[i].Split('\t').OrderBy(_ => rng.Next())); break;
                case 3: lines[i] = lines[i].Length > 0 ? lines[i][..rng.Next(lines[i].Length)] : lines[i]; break;
                case 4: lines[i] += new string((char)rng.Next(0, 0x2FFF), rng.Next(1, 50)); break;
                case 5: lines[i] = lines[i].Replace('\t', ' '); break;
                default:
                    lines[i] = string.Concat(Enumerable.Range(0, rng.Next(1, 30))
                    .Select(_ => rng.Next(4) == 0 ? "\t" : "Quý I/2018 Sở Nội vụ "[..rng.Next(1, 20)])); break;
            }
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void Plan_readers_survive_mutated_documents_and_random_bytes()
    {
        var rng = new Random(20261122);
        var tried = 0;
        var docx = DocxFromText(Seed);
        for (var n = 0; n < 400; n++)
        {
            var text = Mutate(rng, Seed);
            Bounded(() => PlanFileReader.Read("x.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), 2018), "mutated text " + n);
            tried++;
        }
        for (var n = 0; n < 300; n++)
        {
            var bytes = new byte[rng.Next(0, 4096)];
            rng.NextBytes(bytes);
            if (n % 3 == 0 && bytes.Length > 4) { bytes[0] = (byte)'P'; bytes[1] = (byte)'K'; bytes[2] = 3; bytes[3] = 4; }
            foreach (var name in new[] { "x.docx", "x.xlsx", "x.txt" })
            {
                try { Bounded(() => PlanFileReader.Read(name, new MemoryStream(bytes), 2018), $"{name} bytes {n}"); }
                catch (AggregateException e) when (e.InnerException is UnreadableFileException) { }
                tried++;
            }
        }
        for (var n = 0; n < 200; n++)
        {
            // A real DOCX with some bytes flipped.
            var broken = (byte[])docx.Clone();
            for (var k = 0; k < rng.Next(1, 20); k++) broken[rng.Next(broken.Length)] ^= (byte)rng.Next(1, 256);
            try { Bounded(() => PlanFileReader.Read("x.docx", new MemoryStream(broken), 2018), "corrupted docx " + n); }
            catch (AggregateException e) when (e.InnerException is UnreadableFileException) { }
            tried++;
        }
        output.WriteLine($"plan readers: {tried} generated inputs");
        Assert.Equal(400 + 900 + 200, tried);
    }

    [Fact]
    public void The_time_frame_parser_never_throws_never_hangs_and_never_ends_before_it_starts()
    {
        var rng = new Random(7);
        string[] pieces =
        [
            "Quý", "Quí", "I", "II", "III", "IV", "/", "-", "2018", "2026", "năm", "tháng", "12", "6", "31", "ngày", "trước", "đến hết",
            "từ", "sau", "trong", "thường xuyên", "hằng năm", "và", "các năm tiếp theo", "Theo Kế hoạch", ";", ":", "giai đoạn", "  ",
            "32/13/2024", "29/2/2023", "0/0/0", "9999", "1/1", "(nếu có)", ".",
        ];
        var tried = 0;
        for (var n = 0; n < 5000; n++)
        {
            var phrase = string.Join(' ', Enumerable.Range(0, rng.Next(1, 14)).Select(_ => pieces[rng.Next(pieces.Length)]));
            if (n % 10 == 0) phrase += new string((char)rng.Next(32, 0x1F00), rng.Next(0, 20));
            var t = Bounded(() => TimeframeParser.Parse(phrase, new TimeframeContext(2020 + n % 10)), phrase);
            Assert.True(t.Start is null || t.Due is null || t.Start <= t.Due, phrase);
            Assert.All(t.Dues, d => Assert.True(t.Due is null || d <= t.Due, phrase));
            tried++;
        }
        output.WriteLine($"time-frame parser: {tried} generated phrases");
        Assert.Equal(5000, tried);
    }

    private static byte[] DocxFromText(string text)
    {
        var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            var table = new DocumentFormat.OpenXml.Wordprocessing.Table();
            foreach (var line in text.Split('\n'))
            {
                if (line.Contains('\t'))
                    table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableRow(line.Split('\t').Select(c =>
                        new DocumentFormat.OpenXml.Wordprocessing.TableCell(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(c)))))));
                else body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line))));
            }
            body.Append(table);
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return ms.ToArray();
    }
}
