using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParHub.Web.Features;

/// <summary>Friendly Vietnamese error pages for exceptions and status codes.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true)]
public class ErrorModel(ILogger<ErrorModel> log) : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi xảy ra";
    public string Message { get; private set; } = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau ít phút.";
    public string? RequestId { get; private set; }

    // The status code comes from the query of the re-executed request, never from the failed request's form (a form field
    // named "code" would otherwise turn a 403 into a 500).
    public void OnGet([FromQuery] int? code) => Describe(code);
    public void OnPost([FromQuery] int? code) => Describe(code);

    private void Describe(int? code)
    {
        // An exception the handler mapped to a 4xx (400 for refused input, 409 for a lost race) is described as that status.
        if (code is null && Response.StatusCode is >= 400 and < 500) code = Response.StatusCode;
        (Title, Message) = code switch
        {
            409 => ("Dữ liệu vừa được thay đổi",
                "Nội dung này vừa được người khác cập nhật. Vui lòng tải lại trang để xem bản mới nhất rồi thử lại."),
            404 => ("Không tìm thấy trang", "Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc đã được chuyển đi."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem hoặc thay đổi nội dung này."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ. Vui lòng tải lại trang và thử lại."),
            413 => ("Tệp quá lớn", "Tệp tải lên vượt quá dung lượng cho phép."),
            _ => (Title, Message),
        };
        if (code is null or >= 500) RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // The exception behind a 500, with the id the person sees, so that a report can be traced.
        var failure = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>();
        if (failure?.Error is App.InputRefusedException refused)
            (Title, Message) = ("Dữ liệu không hợp lệ", refused.Message + " Vui lòng quay lại, sửa rồi gửi lại.");
        else if (failure is not null)
            log.LogError(failure.Error, "Unhandled exception on {Path} (error id {RequestId})", failure.Path, RequestId);
        if (code is { } c && c >= 400) Response.StatusCode = c;
        else if (code is null && Response.StatusCode < 400) Response.StatusCode = 500; // an exception the handler did not map (400, 409) is a 500
    }
}
