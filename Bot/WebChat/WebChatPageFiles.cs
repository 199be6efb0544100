using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Serves the page's files, and the build's precompressed copies where they exist (the SDK writes <c>.br</c> and
/// <c>.gz</c> beside them in the build and publish output): the Web Chat bundle is 3.9 MB, 0.6-1 MB compressed, which
/// matters on a phone. Also adds the page's security headers.
/// </summary>
internal sealed class WebChatPageFiles(IFileProvider files)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public void Use(WebApplication app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use(PreferCompressedAsync);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = Prepare });
    }

    private Task PreferCompressedAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value;
        if (HttpMethods.IsGet(context.Request.Method) && path is not null && ContentTypes.TryGetContentType(path, out var type))
        {
            var accepted = context.Request.Headers.AcceptEncoding.ToString();
            foreach (var (encoding, extension) in Encodings)
            {
                if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(path + extension).Exists)
                {
                    context.Request.Path = path + extension;
                    context.Items[typeof(WebChatPageFiles)] = (encoding, type);
                    break;
                }
            }
        }

        return next();
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        var response = context.Context.Response;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Context.Items[typeof(WebChatPageFiles)] is (string encoding, string type))
        {
            response.Headers.ContentEncoding = encoding;
            response.ContentType = type;
        }

        WebChatPageHeaders.Apply(context);
    }
}
