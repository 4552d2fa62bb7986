-- CreateIndex
CREATE UNIQUE INDEX "datasets_file_path_key" ON "datasets"("file_path");
