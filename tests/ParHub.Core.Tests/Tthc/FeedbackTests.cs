using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>The feedback (PAKN) counts and rates on hand-made items over Q1 2026, and the table read from CSV.</summary>
public sealed class FeedbackTallyTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 3, 31);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    internal static Feedback F(string received, string due, string? answered = null, bool published = false,
        FeedbackRating rating = FeedbackRating.None, string agency = "SNV", string code = "PA") =>
        new(code, Day(received), FeedbackChannel.Portal, "Đất đai", agency, Day(due), answered is null ? null : Day(answered), published, rating, "");

    private static FeedbackTally Of(params Feedback[] items) => FeedbackTally.Of(items, From, To);

    [Fact]
    public void Received_in_the_period_answered_on_time_published_and_satisfied()
    {
        var t = Of(F("2026-01-05", "2026-01-20", "2026-01-20", published: true, rating: FeedbackRating.Satisfied));
        Assert.Equal(new FeedbackTally(Received: 1, Carried: 0, Answered: 1, AnsweredOnTime: 1, Pending: 0, Overdue: 0, Published: 1, Rated: 1,
            Satisfied: 1), t);
        Assert.Equal((100m, 100m, 100m), (t.OnTimeRate, t.SatisfiedRate, t.PublishedRate));
    }

    [Fact]
    public void Carried_from_before_and_answered_late_is_answered_not_on_time()
    {
        var t = Of(F("2025-12-10", "2025-12-25", "2026-01-02", rating: FeedbackRating.Dissatisfied));
        Assert.Equal((0L, 1L, 1L, 0L, 1L, 0L), (t.Received, t.Carried, t.Answered, t.AnsweredOnTime, t.Rated, t.Satisfied));
        Assert.Equal((0m, 0m, 0m), (t.OnTimeRate, t.SatisfiedRate, t.PublishedRate));
    }

    [Fact]
    public void Pending_at_the_end_past_its_due_date_is_overdue_and_on_the_last_day_is_not()
    {
        var t = Of(F("2026-03-01", "2026-03-30"), F("2026-03-01", "2026-03-31"), F("2026-03-01", "2026-03-20", "2026-04-02"));
        Assert.Equal((3L, 0L, 3L, 2L, 1L), (t.Received, t.Answered, t.Pending, t.Overdue, t.PendingInTime));
        Assert.Null(t.OnTimeRate);
        Assert.Null(t.SatisfiedRate);
        Assert.Null(t.PublishedRate);
    }

    [Fact]
    public void Answered_before_the_period_or_received_after_it_counts_nowhere()
    {
        Assert.Equal(default, Of(F("2025-11-01", "2025-11-20", "2025-12-31", published: true, rating: FeedbackRating.Satisfied)));
        Assert.Equal(default, Of(F("2026-04-01", "2026-04-10")));
    }

    [Fact]
    public void Unrated_answers_are_left_out_of_satisfaction_and_unpublished_ones_lower_publication()
    {
        var t = Of(F("2026-02-01", "2026-02-15", "2026-02-10", published: true, rating: FeedbackRating.Satisfied),
            F("2026-02-01", "2026-02-15", "2026-02-10"), F("2026-02-01", "2026-02-15", "2026-02-20", rating: FeedbackRating.Dissatisfied),
            F("2026-02-01", "2026-02-15", "2026-02-11", published: true));
        Assert.Equal((4L, 3L, 2L, 1L, 2L), (t.Answered, t.AnsweredOnTime, t.Rated, t.Satisfied, t.Published));
        Assert.Equal((75m, 50m, 50m), (t.OnTimeRate, t.SatisfiedRate, t.PublishedRate));
        Assert.Equal(t.OnTimeRate, t.Rate(FeedbackTally.DungHan));
        Assert.Throws<ArgumentException>(() => t.Rate("khac"));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => FeedbackTally.Of([], To, From));
}

public sealed class FeedbackTableTests
{
    private static List<FeedbackRow> Read(string text, DateOnly? today = null) => FeedbackTable.Read(new StringReader(text), today).ToList();

    [Fact]
    public void A_row_of_the_full_header_is_an_item_and_columns_may_come_in_any_order_with_vietnamese_names()
    {
        var rows = Read(FeedbackTable.Header + "\nPA-1,05/01/2026,cong_dvc,Đất đai,SNV,2026-01-20,15/01/2026,có,hai_long,Chậm cấp sổ đỏ\n"
            + "\n"
            + "PA-2,2026-01-06,Điện thoại, đường dây nóng,Y tế,SYT,2026-01-21,,,,\n");
        Assert.Equal(new Feedback("PA-1", new(2026, 1, 5), FeedbackChannel.Portal, "Đất đai", "SNV", new(2026, 1, 20), new(2026, 1, 15), true,
            FeedbackRating.Satisfied, "Chậm cấp sổ đỏ"), rows[0].Feedback);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line); // an unquoted comma in the channel name splits the row: one cell too many
        Assert.NotNull(rows[1].Problem);

        var other = Read("CO_QUAN;Kenh;Ma;Han_Xu_Ly;Ngay_Tiep_Nhan;ghi_chu\nSTP;Trực tiếp;7;31/1/2026;2/1/2026;x\n");
        Assert.Equal(new Feedback("7", new(2026, 1, 2), FeedbackChannel.InPerson, "", "STP", new(2026, 1, 31), null, false, FeedbackRating.None, ""),
            Assert.Single(other).Feedback);
    }

    [Fact]
    public void A_header_without_a_needed_column_is_one_problem()
    {
        var row = Assert.Single(Read("ma,kenh,co_quan\nPA,email,SNV\n"));
        Assert.Contains("ngay_tiep_nhan, han_xu_ly", row.Problem);
        Assert.Contains("Tệp rỗng", Assert.Single(Read("")).Problem);
    }

    [Fact]
    public void Every_bad_value_is_named_in_vietnamese()
    {
        var rows = Read(FeedbackTable.Header + "\n"
            + ",32/01/2026,fax,,,2026-01-01,,x,rat_tot,\n"
            + "PA-2,2026-02-10,email,Thuế,STC,2026-02-01,2026-02-05,có,,\n"
            + "PA-3,2026-02-10,email,Thuế,STC,2026-02-20,,có,hai_long,\n"
            + "PA-4,2026-02-10,email,Thuế,STC,2026-02-20,,,,Gọi 0912 345 678 để trao đổi\n"
            + "PA-5,2026-02-10,email,Thuế,STC,2026-02-20,,,,Gửi về a.b@gmail.com\n"
            + "PA-6,2026-02-10,email,Thuế,STC,2026-02-20,,,,\n"
            + "PA-6,2026-02-11,email,Thuế,STC,2026-02-20,,,,\n"
            + "PA-6,2026-02-11,truc_tiep,Thuế,STC,2026-02-20,,,,\n"
            + "PA-9,2026-12-11,email,Thuế,STC,2026-12-20,,,,\n", today: new DateOnly(2026, 6, 1));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], rows.Select(r => r.Line));
        Assert.All(["Thiếu mã", "“32/01/2026” không phải ngày", "Kênh tiếp nhận “fax”", "Thiếu mã cơ quan", "“rat_tot”"],
            s => Assert.Contains(s, rows[0].Problem));
        Assert.Contains("trước ngày tiếp nhận", rows[1].Problem);
        Assert.Contains("chưa thể công khai", rows[2].Problem);
        Assert.Contains("chưa thể có đánh giá", rows[2].Problem);
        Assert.Contains("số điện thoại", rows[3].Problem);
        Assert.Contains("email", rows[4].Problem);
        Assert.Null(rows[5].Problem);
        Assert.Contains("trùng với dòng 7", rows[6].Problem);
        Assert.Null(rows[7].Problem); // the same code from another channel is another item
        Assert.Contains("sau hôm nay", rows[8].Problem);
    }

    [Fact]
    public void A_subject_may_have_dates_amounts_and_document_numbers()
    {
        Assert.Null(FeedbackCodes.SubjectProblem("Quyết định 123/QĐ-UBND ngày 12/03/2026, số tiền 1.000.000.000 đồng"));
        Assert.NotNull(FeedbackCodes.SubjectProblem(new string('a', 501)));
        Assert.NotNull(FeedbackCodes.SubjectProblem("CCCD 001234567890"));
    }

    [Fact]
    public void Control_characters_are_refused_but_line_breaks_in_the_subject_are_kept()
    {
        var rows = Read(FeedbackTable.Header + "\nPA\0,2026-01-05,email,,SNV,2026-01-20,,,,\nPA-2,2026-01-05,email,,SNV,2026-01-20,,,,\"hai\ndòng\"\n");
        Assert.Contains("ký tự điều khiển", rows[0].Problem);
        Assert.Equal("hai\ndòng", rows[1].Feedback!.Subject);
    }
}

/// <summary>Properties of the feedback counts and rates, and of the table, over generated items and periods.</summary>
public sealed class FeedbackPropertyTests
{
    private static readonly DateOnly Base = new(2026, 1, 1);

    private static readonly Gen<Feedback> AnyItem =
        from received in Gen.Choose(-90, 150)
        from due in Gen.Choose(-10, 40)
        from answered in Gen.Choose(-10, 90)
        from pending in Gen.Elements(true, false)
        from published in Gen.Elements(true, false)
        from channel in Gen.Elements(Enum.GetValues<FeedbackChannel>())
        from rating in Gen.Elements(FeedbackRating.None, FeedbackRating.Satisfied, FeedbackRating.Dissatisfied)
        from agency in Gen.Elements("SNV", "STP", "Đ-SYT")
        select new Feedback("PA", Base.AddDays(received), channel, "Đất đai", agency, Base.AddDays(received + due),
            pending ? null : Base.AddDays(received + answered), published, rating, "");

    /// <summary>An item as a file may hold it: due and answer on or after the received date; no publication or rating while pending.</summary>
    private static readonly Gen<Feedback> ValidItem = AnyItem.Select(f => f with
    {
        Due = f.Due < f.Received ? f.Received : f.Due,
        Answered = f.Answered < f.Received ? f.Received : f.Answered,
        Published = f.Published && f.Answered is not null,
        Rating = f.Answered is null ? FeedbackRating.None : f.Rating,
    });

    private static readonly Gen<(DateOnly From, DateOnly To)> Periods =
        from start in Gen.Choose(-30, 90)
        from length in Gen.Choose(0, 100)
        select (Base.AddDays(start), Base.AddDays(start + length));

    private static readonly Gen<(List<Feedback> Items, DateOnly From, DateOnly To)> Cases =
        from n in Gen.Choose(0, 12)
        from items in Gen.ArrayOf(AnyItem, n)
        from period in Periods
        select (items.ToList(), period.From, period.To);

    [Fact]
    public void Counts_add_up() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var t = FeedbackTally.Of(c.Items, c.From, c.To);
            return t.InScope == t.Answered + t.Pending && t.AnsweredOnTime <= t.Answered && t.Overdue <= t.Pending
                && t.Published <= t.Answered && t.Satisfied <= t.Rated && t.Rated <= t.Answered
                && t.InScope <= c.Items.Count && t.PendingInTime >= 0;
        }).CheckReplayable(300);

    [Fact]
    public void Rates_are_between_0_and_100_and_null_exactly_when_their_denominator_is_0() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var t = FeedbackTally.Of(c.Items, c.From, c.To);
            var rates = new[] { (t.OnTimeRate, t.Answered), (t.SatisfiedRate, t.Rated), (t.PublishedRate, t.Answered) };
            return rates.All(r => r.Item1 is { } v ? r.Item2 > 0 && v >= 0 && v <= 100 : r.Item2 == 0);
        }).CheckReplayable(300);

    [Fact]
    public void The_tally_of_a_union_is_the_sum_of_the_tallies() =>
        Prop.ForAll(Cases.SelectMany(c => Gen.ListOf(AnyItem).Select(more => (c, more.ToList()))).ToArbitrary(), x =>
        {
            var (c, more) = x;
            return FeedbackTally.Of(c.Items.Concat(more), c.From, c.To) == FeedbackTally.Of(c.Items, c.From, c.To) + FeedbackTally.Of(more, c.From, c.To);
        }).CheckReplayable(200);

    private static readonly Gen<string> Texts =
        Gen.ArrayOf(Gen.Elements('A', 'z', '0', '-', ',', ';', '"', ' ', '\n', 'Đ', 'ữ', '/')).Select(cs => new string(cs).Trim());

    private static readonly Gen<List<Feedback>> Files =
        from items in Gen.ListOf(ValidItem)
        from codes in Gen.ArrayOf(Texts, items.Count)
        from subjects in Gen.ArrayOf(Texts.Where(t => FeedbackCodes.SubjectProblem(t) is null), items.Count)
        select items.Select((f, i) => f with
        {
            Code = $"{codes[i][..Math.Min(40, codes[i].Length)].Trim()}#{i}",
            Subject = subjects[i],
            Field = subjects[i],
        }).ToList();

    [Fact]
    public void Reading_written_rows_gives_them_back() =>
        Prop.ForAll(Files.ToArbitrary(), items =>
        {
            var text = string.Join("\r\n", items.Select(FeedbackTable.Line).Prepend(FeedbackTable.Header)) + "\r\n";
            var rows = FeedbackTable.Read(new StringReader(text)).ToList();
            return rows.All(r => r.Problem is null) && rows.Select(r => r.Feedback!).SequenceEqual(items);
        }).CheckReplayable(200);
}
