// The browser's own checks of a form speak Vietnamese, whatever the browser's language: "Please fill out this
// field." becomes "Vui lòng nhập ô này.". The server checks the same again, so a page works without this script.
(function () {
    'use strict';
    function message(el) {
        var v = el.validity;
        if (v.valueMissing) return el.type === 'file' ? 'Vui lòng chọn tệp.'
            : (el.type === 'checkbox' || el.type === 'radio') ? 'Vui lòng chọn một mục.'
            : el.tagName === 'SELECT' ? 'Vui lòng chọn một mục trong danh sách.' : 'Vui lòng nhập ô này.';
        if (v.patternMismatch) return el.dataset.date === 'vn'
            ? 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.'
            : 'Giá trị chưa đúng định dạng' + (el.title ? ': ' + el.title : '.');
        if (v.typeMismatch) return el.type === 'email' ? 'Vui lòng nhập địa chỉ thư điện tử hợp lệ.' : 'Giá trị không hợp lệ.';
        if (v.rangeUnderflow) return 'Giá trị phải từ ' + el.min + ' trở lên.';
        if (v.rangeOverflow) return 'Giá trị tối đa là ' + el.max + '.';
        if (v.stepMismatch) return 'Giá trị không hợp lệ (bước ' + (el.step || 1) + ').';
        if (v.tooShort) return 'Cần ít nhất ' + el.minLength + ' ký tự.';
        if (v.tooLong) return 'Tối đa ' + el.maxLength + ' ký tự.';
        if (v.badInput) return 'Vui lòng nhập một số.';
        return '';
    }
    document.addEventListener('invalid', function (e) {
        var el = e.target;
        if (!el.setCustomValidity) return;
        el.setCustomValidity('');
        if (!el.validity.valid) el.setCustomValidity(message(el));
    }, true);
    function reset(e) { if (e.target.setCustomValidity) e.target.setCustomValidity(''); }
    document.addEventListener('input', reset, true);
    document.addEventListener('change', reset, true);
})();
