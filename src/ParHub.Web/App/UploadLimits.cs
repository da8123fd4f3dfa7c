using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ParHub.Web.App;

/// <summary>
/// The most a page accepts in one upload request, and what it says when a request is larger. Put on the page model
/// beside <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/>; the page model implements
/// <see cref="IUploadPage"/> to show the message where it shows its other refusals.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long bytes, string message) : Attribute
{
    public long Bytes { get; } = bytes;
    public string Message { get; } = message;
}

/// <summary>A page that shows an upload refusal as its own message.</summary>
public interface IUploadPage
{
    void Refuse(string message);
}

/// <summary>Set on a request whose upload was refused for its size; the page shows <see cref="Message"/>.</summary>
public sealed record UploadRefusal(string Message);

/// <summary>
/// Oversized uploads answer the page itself with its message, never a 500 or the error page. A POST to a page with
/// <see cref="UploadLimitAttribute"/> whose body is larger than the limit (by its Content-Length, or found while the
/// form is read: Kestrel's 413, the multipart limit, or counted here when the length is not given) has its body read and dropped — nothing is buffered —
/// and the
/// page is then rendered as a GET (nothing is written, so no anti-forgery token is needed) with
/// <see cref="UploadRefusal"/>, which <see cref="UploadRefusalFilter"/> hands to the page.
/// </summary>
public static class UploadLimits
{
    /// <summary>At most this much of a refused body is read and dropped, so the browser sees the answer; beyond, the connection is closed.</summary>
    public const long MaxDrainBytes = 1024L * 1024 * 1024;

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var limit = ctx.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>();
        if (limit is null || !HttpMethods.IsPost(ctx.Request.Method))
        {
            await next(ctx);
            return;
        }
        if (ctx.Request.ContentLength > limit.Bytes)
        {
            await RefuseAsync(ctx, limit, next);
            return;
        }
        if (ctx.Request.ContentLength is null && ctx.Request.HasFormContentType)
        {
            // A body of unknown length (chunked): counted as it is read, so the refusal comes before Kestrel's own limit
            // and the rest can still be drained; the form is read here, and the page reuses it.
            var size = ctx.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (size is { IsReadOnly: false }) size.MaxRequestBodySize = MaxDrainBytes;
            var original = ctx.Request.Body;
            ctx.Request.Body = new CountedStream(original, limit.Bytes);
            try { await ctx.Request.ReadFormAsync(ctx.RequestAborted); }
            catch (Exception e) when (IsTooLarge(e))
            {
                ctx.Request.Body = original;
                await RefuseAsync(ctx, limit, next);
                return;
            }
            ctx.Request.Body = original;
        }
        try { await next(ctx); }
        catch (Exception e) when (IsTooLarge(e) && !ctx.Response.HasStarted)
        {
            ctx.Response.Clear();
            await RefuseAsync(ctx, limit, next);
        }
    });

    /// <summary>Kestrel's "request body too large" or the form's multipart limit, possibly wrapped by model binding or anti-forgery.</summary>
    private static bool IsTooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is TooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e is InvalidDataException
                && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static async Task RefuseAsync(HttpContext ctx, UploadLimitAttribute limit, RequestDelegate next)
    {
        await DrainAsync(ctx);
        ctx.Features.Set(new UploadRefusal(limit.Message));
        ctx.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        ctx.Request.Method = HttpMethods.Get;
        ctx.Request.Body = Stream.Null;
        ctx.Request.ContentLength = 0;
        ctx.Request.ContentType = null;
        ctx.Request.QueryString = QueryString.Create(ctx.Request.Query.Where(q => q.Key != "handler"));
        ctx.Request.RouteValues.Remove("handler");
        await next(ctx);
    }

    private sealed class TooLargeException() : IOException("The request body is larger than the page accepts.");

    /// <summary>Reads through to the request body and throws <see cref="TooLargeException"/> past <c>limit</c> bytes.</summary>
    private sealed class CountedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct)
            .AsTask();

        private int Count(int n)
        {
            if ((_read += n) > limit) throw new TooLargeException();
            return n;
        }
    }

    private static async Task DrainAsync(HttpContext ctx)
    {
        // Only for signed-in people: an anonymous sender gets the answer without its body being read.
        if (ctx.Request.ContentLength > MaxDrainBytes || ctx.User.Identity?.IsAuthenticated != true) return;
        var size = ctx.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = MaxDrainBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted) > 0) { }
        }
        // already over Kestrel's limit: it closes the connection after the answer
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException) { }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }
}

/// <summary>Hands a request's <see cref="UploadRefusal"/> to its page, after the page has loaded as for a GET.</summary>
public sealed class UploadRefusalFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        if (context.HttpContext.Features.Get<UploadRefusal>() is { } refusal && context.HandlerInstance is IUploadPage page)
            page.Refuse(refusal.Message);
    }
}
