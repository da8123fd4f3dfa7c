using ParHub.Core.Reports;

namespace ParHub.Web.Features.Reports;

public static class ReportLabels
{
    public static string Status(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi, chờ xem xét",
        ReportStatus.Returned => "Bị trả lại, cần sửa",
        _ => "Đã tiếp nhận",
    };

    public static string StatusClass(ReportStatus? s) => s switch
    {
        ReportStatus.Draft => "text-bg-secondary",
        ReportStatus.Submitted => "text-bg-primary",
        ReportStatus.Returned => "text-bg-warning",
        ReportStatus.Accepted => "text-bg-success",
        _ => "text-bg-light",
    };

    public static string StateClass(SubmissionState s) => s switch
    {
        SubmissionState.OnTime => "text-bg-success",
        SubmissionState.Late => "text-bg-warning",
        SubmissionState.Missing => "text-bg-danger",
        _ => "text-bg-light",
    };

    public static string Action(string a) => a switch
    {
        "create" => "Tạo báo cáo",
        "save" => "Lưu nháp",
        "submit" => "Gửi báo cáo",
        "return" => "Trả lại",
        "accept" => "Tiếp nhận",
        "reopen" => "Mở lại",
        _ => a,
    };
}
