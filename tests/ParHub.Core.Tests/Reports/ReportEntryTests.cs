using ParHub.Core.Reports;

namespace ParHub.Core.Tests.Reports;

/// <summary>Reading the typed form: Vietnamese numbers, and ParHub's prefilled figure kept in its own place.</summary>
public class ReportEntryTests
{
    private static readonly ReportForm Form = ReportForm.CchcPeriodic;

    private static Dictionary<string, ReportValueRow> Stored(params ReportValueRow[] rows) => rows.ToDictionary(r => r.Code);

    private static ReportValueRow Prefilled(decimal done, decimal total)
    {
        var row = new ReportValueRow { Code = "plan_tasks" };
        row.Assign(new FieldValue(done, total, Source: ValueSource.Prefilled));
        return row;
    }

    private static (Dictionary<string, FieldValue> Values, List<ValueError> Errors) Read(IReadOnlyDictionary<string, ReportValueRow> stored,
        params (string Code, FieldInput Input)[] input) =>
        ReportEntry.Read(Form, input.ToDictionary(i => i.Code, i => i.Input), stored);

    [Fact]
    public void Numbers_are_read_in_Vietnamese_style_and_bad_ones_name_their_field()
    {
        var (values, errors) = Read(Stored(),
            ("invest_plan", new FieldInput { Value = "4.048,546" }), ("docs_issued", new FieldInput { Value = "1.5" }));
        Assert.Equal(4048.546m, values["invest_plan"].Value);
        Assert.Equal(ValueSource.Entered, values["invest_plan"].Source);
        var e = Assert.Single(errors);
        Assert.Equal("docs_issued", e.Code);
        Assert.Contains("không phải là số", e.Message);
    }

    [Fact]
    public void The_prefilled_figure_typed_again_stays_prefilled()
    {
        var (values, errors) = Read(Stored(Prefilled(12, 30)), ("plan_tasks", new FieldInput { Value = "12", Denominator = "30" }));
        Assert.Empty(errors);
        Assert.Equal(new FieldValue(12, 30, null, ValueSource.Prefilled, null, new ParHubFigure(12, 30)), values["plan_tasks"]);
    }

    [Fact]
    public void An_emptied_prefilled_field_goes_back_to_ParHubs_figure()
    {
        var (values, errors) = Read(Stored(Prefilled(12, 30)), ("plan_tasks", new FieldInput { Value = "", Denominator = " " }));
        Assert.Empty(errors);
        var v = values["plan_tasks"];
        Assert.Equal((12m, 30m, ValueSource.Prefilled), (v.Value!.Value, v.Denominator!.Value, v.Source));
    }

    [Fact]
    public void An_override_needs_a_reason_and_keeps_ParHubs_figure_apart_from_it()
    {
        var stored = Stored(Prefilled(12, 30));
        var (_, refused) = Read(stored, ("plan_tasks", new FieldInput { Value = "13", Denominator = "30" }));
        Assert.Equal(
            "Nhiệm vụ Kế hoạch CCHC năm đã hoàn thành / tổng số nhiệm vụ: số liệu do ParHub điền sẵn (12/30); muốn sửa cần "
                + "ghi lý do.",
            Assert.Single(refused).Message);

        var (values, errors) = Read(stored,
            ("plan_tasks", new FieldInput { Value = "13", Denominator = "30", Reason = "  Thêm nhiệm vụ bổ sung " }));
        Assert.Empty(errors);
        var v = values["plan_tasks"];
        Assert.Equal((13m, 30m, ValueSource.Overridden, "Thêm nhiệm vụ bổ sung", new ParHubFigure(12, 30)),
            (v.Value!.Value, v.Denominator!.Value, v.Source, v.Reason, v.Prefilled));

        // Stored: the reason is the officer's words only; the figure has its own columns; shown as before.
        var row = new ReportValueRow { Code = "plan_tasks" };
        row.Assign(v);
        Assert.Equal(("Thêm nhiệm vụ bổ sung", 12m, 30m), (row.OfficerReason, row.PrefilledValue!.Value, row.PrefilledDenominator!.Value));
        Assert.Equal("Thêm nhiệm vụ bổ sung [ParHub: 12/30]", row.Reason);

        // A later save keeps the reason given before, and the figure; emptied, it goes back to ParHub's figure.
        var (again, _) = Read(Stored(row), ("plan_tasks", new FieldInput { Value = "14", Denominator = "30" }));
        Assert.Equal(("Thêm nhiệm vụ bổ sung", new ParHubFigure(12, 30)), (again["plan_tasks"].Reason, again["plan_tasks"].Prefilled));
        var (back, _) = Read(Stored(row), ("plan_tasks", new FieldInput()));
        Assert.Equal((12m, 30m, ValueSource.Prefilled, (string?)null), (back["plan_tasks"].Value!.Value, back["plan_tasks"].Denominator!.Value,
            back["plan_tasks"].Source, back["plan_tasks"].Reason));
    }

    [Fact]
    public void A_prefilled_row_stored_without_its_figure_counts_its_own_value()
    {
        var row = new ReportValueRow { Code = "plan_tasks", Value = 5, Denominator = 9, Source = ValueSource.Prefilled };
        Assert.Equal(new ParHubFigure(5, 9), row.Figure);
        var (values, _) = Read(Stored(row), ("plan_tasks", new FieldInput()));
        Assert.Equal((5m, 9m), (values["plan_tasks"].Value!.Value, values["plan_tasks"].Denominator!.Value));
    }

    [Fact]
    public void Figures_are_written_as_ParHub_always_wrote_them()
    {
        Assert.Equal("12/30", new ParHubFigure(12.0000m, 30m).ToString());
        Assert.Equal("7", new ParHubFigure(7, null).ToString());
        Assert.Equal("1.5/2", new ParHubFigure(1.5m, 2m).ToString());
        Assert.Equal("lý do [ParHub: 7]", ParHubFigure.Shown("lý do", new ParHubFigure(7, null)));
        Assert.Equal("lý do", ParHubFigure.Shown("lý do", null));
    }

    [Fact]
    public void A_text_is_trimmed_and_a_blank_one_is_left_out()
    {
        var (values, _) = Read(Stored(), ("strengths", new FieldInput { Text = "  Làm tốt  " }), ("difficulties", new FieldInput { Text = " " }));
        Assert.Equal("Làm tốt", values["strengths"].Text);
        Assert.False(values.ContainsKey("difficulties"));
    }
}
