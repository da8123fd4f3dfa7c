using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParHub.Web.App;

/// <summary>Input that cannot be stored as it is (too long for its column); answered 400, never 500. The message is shown as it is.</summary>
public sealed class InputRefusedException(string message) : Exception(message);

/// <summary>
/// NUL characters (<c>\0</c>) never reach the database — PostgreSQL refuses them in text. They are stripped at every
/// edge: form and query values (<see cref="NulStrippingBinderProvider"/>), JSON bodies (<see cref="NulStrippingStringConverter"/>)
/// and, for anything else, on save (<see cref="TextSafetyInterceptor"/>).
/// </summary>
public static class InputText
{
    public static string? Clean(string? s) => s is not null && s.Contains('\0') ? s.Replace("\0", "") : s;
}

public sealed class NulStrippingBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new NulStrippingBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class NulStrippingBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext c)
        {
            await inner.BindModelAsync(c);
            if (c.Result.IsModelSet && c.Result.Model is string s && s.Contains('\0')) c.Result = ModelBindingResult.Success(InputText.Clean(s));
        }
    }
}

public sealed class NulStrippingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? InputText.Clean(reader.GetString())
            : throw new JsonException($"Expected a string, found {reader.TokenType}.");
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InputText.Clean(reader.GetString()) ?? "";
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>
/// The last line of defence on save: NUL characters stripped from every string property, and a value longer than its
/// column refused with <see cref="InputRefusedException"/> (which answers 400) rather than failing in the database.
/// </summary>
public sealed class TextSafetyInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check(e.Context);
        return base.SavingChangesAsync(e, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        Check(e.Context);
        return base.SavingChanges(e, result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
            {
                if (p.Metadata.ClrType != typeof(string) || p.CurrentValue is not string s) continue;
                if (s.Contains('\0')) p.CurrentValue = s = s.Replace("\0", "");
                if (p.Metadata.GetMaxLength() is { } max && s.Length > max)
                    throw new InputRefusedException($"Nội dung quá dài: {p.Metadata.Name} tối đa {max:N0} ký tự (đã nhập {s.Length:N0}).");
            }
        }
    }
}

/// <summary>
/// Dates in forms and query strings are read as Vietnamese people type them (<see cref="ParHub.Core.Time.VnDate"/>:
/// dd/mm/yyyy, or ISO as a script sends it), whatever the server's or the browser's culture; anything else is a model
/// error with a Vietnamese message, never a silent default.
/// </summary>
public sealed class VnDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new VnDateBinder(context.Metadata.IsReferenceOrNullableType) : null;

    private sealed class VnDateBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext c)
        {
            var value = c.ValueProvider.GetValue(c.ModelName);
            if (value == ValueProviderResult.None) return Task.CompletedTask;
            c.ModelState.SetModelValue(c.ModelName, value);
            var text = InputText.Clean(value.FirstValue);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (nullable) c.Result = ModelBindingResult.Success(null);
                else c.ModelState.TryAddModelError(c.ModelName, "Chưa nhập ngày.");
            }
            else if (ParHub.Core.Time.VnDate.TryParse(text, out var date)) c.Result = ModelBindingResult.Success(date);
            else c.ModelState.TryAddModelError(c.ModelName, ParHub.Core.Time.VnDate.Invalid);
            return Task.CompletedTask;
        }
    }
}

/// <summary>A page that shows an unreadable date next to its field itself (otherwise <see cref="DateInputFilter"/> refuses the post).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShowsDateErrorsAttribute : Attribute;

/// <summary>
/// A form posted with a date that cannot be read (31/02/2026, or month first) is refused with the Vietnamese message
/// and saves nothing — never run as if the field were empty. A GET keeps going: its page shows the message
/// (the layout) and ignores the filter value.
/// </summary>
public sealed class DateInputFilter : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
{
    public static bool HasDateError(ModelStateDictionary state) =>
        state.Values.Any(e => e.Errors.Any(x => x.ErrorMessage == ParHub.Core.Time.VnDate.Invalid));

    public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)) return;
        if (context.HandlerInstance.GetType().IsDefined(typeof(ShowsDateErrorsAttribute), true)) return;
        if (HasDateError(context.ModelState)) throw new InputRefusedException(ParHub.Core.Time.VnDate.Invalid);
    }

    public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) { }
    public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context) { }
}
