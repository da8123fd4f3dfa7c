namespace ParHub.Web.Features.Audit;

/// <summary>The audit log's actions and kinds of data as people read them (the stored names stay in English for filters and the API).</summary>
public static class AuditLabels
{
    public static string Action(string action) => action switch
    {
        "create" => "Tạo mới",
        "update" => "Sửa",
        "delete" => "Xóa",
        "import" => "Nhập dữ liệu",
        "reimport" => "Nhập lại",
        "publish" => "Công bố",
        "attach" => "Đính kèm tệp",
        "tokens" or "token" => "Mã truy cập",
        "revoke" => "Thu hồi",
        "review" => "Duyệt",
        "reset-password" => "Đặt lại mật khẩu",
        "change-password" => "Đổi mật khẩu",
        "sign-in" => "Đăng nhập",
        "sign-out" => "Đăng xuất",
        "sign-in-failed" => "Đăng nhập sai",
        "sign-in-locked" => "Khóa đăng nhập",
        "sign-in-lockout" => "Tạm khóa đăng nhập",
        "sign-in-throttled" => "Chặn đăng nhập dồn dập",
        "remind" => "Nhắc việc",
        "save" => "Lưu nháp",
        "submit" => "Gửi",
        "return" => "Trả lại",
        "accept" => "Tiếp nhận",
        "reopen" => "Mở lại",
        "appraise" => "Thẩm định",
        "appraise-2" => "Thẩm định lần 2",
        "explain" => "Giải trình",
        "assign" => "Phân công",
        "bonus-penalty" => "Điểm thưởng, điểm trừ",
        "deadline" => "Điều chỉnh thời hạn",
        "correct" => "Sửa nhiệm vụ",
        "survey" or "questionnaire" => "Phiếu khảo sát",
        "state" => "Chuyển trạng thái",
        "population" => "Quy mô mẫu",
        "paper-sheets" or "paper-entry" => "Phiếu giấy",
        "kiosk" => "Ki-ốt khảo sát",
        _ => action,
    };
}
