-- Undoes 20261202225438_dataset_file_path_unique.
DROP INDEX "datasets_file_path_key";
