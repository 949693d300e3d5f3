"use client";

/** A multipart POST with upload progress (fetch cannot report it), resolving to the JSON answer. */
export function postWithProgress<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as T });
    xhr.onerror = () => reject(new Error("The upload failed: check the connection and try again."));
    xhr.send(form);
  });
}
